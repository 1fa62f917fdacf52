// Runs the CommonJS files a run loads (the CLI bundle, the precompiled validators, the shell parser) through
// vm.Script with V8's code cache: compiling them was most of a single-file run's start-up, and Node 20 has no
// compile cache of its own. The build writes each cache at the end of a warm-up run (DOCKPOLICY_WRITE_CODE_CACHE=1),
// so it holds the functions a run compiles, not only the top level. Node rejects a cache from another V8 (after a
// Node upgrade); a file edited after its cache was written is not run with the cache. Either way the file is then
// compiled as usual.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { requireBuiltin } from './require-builtin.js';

/**
 * V8's flags for a run that lasts a second or ten, set before it checks anything by a run of more than one batch
 * (engine/check.ts; for a command line of more than a batch of paths, the bundle's loader, engine/large-run.ts). A
 * smaller run, over before they would matter, leaves V8 alone and never loads node:v8 (~2.3 ms).
 * - TurboFan's threshold raised 22x: at the default, a run over the corpus's 318 compose files made ~200 optimized
 *   compilations and the 10,000-file tree ~1,000 (a quarter of them again after deoptimizations), on a background
 *   thread that took as much CPU as the checking itself and competed with it for the cores. Now only the code that
 *   runs longest is optimized: the compose files took ~35% less CPU, the 10,000 files ~30% less (README, Speed).
 * - A young generation of 16 MB from the start in the heaps created after (worker threads'), where V8 starts at 1-2
 *   MB and grows it only after collections: a batch's parse trees and reports are short-lived, and each scavenge of
 *   a small young generation copies what is still alive. The 318 compose files: 0.84 -> 0.71 s, 1.42 -> 1.21 s of CPU.
 */
export const V8_FLAGS = '--interrupt-budget=1500000 --min-semi-space-size=16';

/** Marks, in each thread, that the process runs with V8_FLAGS: its code caches are those written with them. */
const TUNED = Symbol.for('dockpolicy.v8-tuned');
const tuned = () => (globalThis as Record<symbol, unknown>)[TUNED] === true;

/**
 * Applies V8_FLAGS, for the whole process (worker threads included): V8 reads the threshold each time it resets a
 * function's budget, so code already running follows it too. The flags are part of what a code cache must match, so
 * the build writes each cache twice (with and without them), and every load reads the one for the flags in force.
 */
export function tuneV8(): void {
  if (tuned()) return;
  (requireBuiltin('node:v8') as typeof import('node:v8')).setFlagsFromString(V8_FLAGS);
  (globalThis as Record<symbol, unknown>)[TUNED] = true;
}

/** Where the code cache of `base` (a file, or a name under dist/) is, for the V8 flags in force. */
export const codeCacheFile = (base: string): string => `${base}${tuned() ? '.tuned' : ''}.cache`;

/** Runs `file` (a file of this package or of one of its dependencies) as a CommonJS module; returns its exports. */
export function loadCommonJs(file: string, cacheFile = codeCacheFile(file)): unknown {
  let cachedData: Buffer | undefined;
  try {
    // V8 checks its version and the source's length, not its content.
    if (statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile
  }
  // These files are ASCII (the build escapes the bundle's few other characters): read as Latin-1, the source is
  // copied into a one-byte string, where decoding UTF-8 took ~3 ms of the bundle's load instead of ~1.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  if (process.env.DOCKPOLICY_WRITE_CODE_CACHE) {
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    });
  }
  return module.exports;
}
