// Mutation fuzzing over the corpus (../shared/corpus): thousands of mutated Dockerfiles, compose files, .dockerignore
// and .env files through the CLI's pipeline (checkFiles: loadProject and runRules unit by unit), every rule and every
// reporter. No exception, no rule crash, no mutant slower than FUZZ_SLOW_MS, and SARIF valid against the 2.1.0 schema.
//
//   FUZZ_ITERATIONS=20000 npx vitest run test/fuzz.test.ts   more mutants (default 2000, about 20 s)
//   FUZZ_SEED=123456 npx vitest run test/fuzz.test.ts        replay one mutant: the seed a failure printed
//   FUZZ_BASE=7 ...                                           another series (mutant i has seed BASE * 1e6 + i)
//   FUZZ_SEED=123456 FUZZ_DUMP=/tmp/m ...                     also write the replayed mutant's files there
//   FUZZ_VERBOSE=1 ...                                        progress and heap size every 500 mutants
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { kindOfName, type DiscoveredFile } from '../src/discover/discover.js';
import { mutate, prng } from './mutate.js';
import { checkAndRender, everyRuleOn } from './pipeline.js';
import { sarifSchemaMissing, sarifValidator } from './sarif-schema.js';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const corpusFiles = existsSync(corpus) ? fg.sync(['**/*'], { cwd: corpus, dot: true, onlyFiles: true }).sort() : [];
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 2000);
const BASE = Number(process.env.FUZZ_BASE ?? 1);
const REPLAY = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A mutant slower than this is a hang (the corpus's largest file takes well under 100 ms). */
const SLOW_MS = Number(process.env.FUZZ_SLOW_MS ?? 2000);
/** FUZZ_VERBOSE=1: progress and heap size every 500 mutants. */
const VERBOSE = !!process.env.FUZZ_VERBOSE;
/** A mutant still running after this long is stuck in a loop: the watchdog prints its seed and ends the test process. */
const STUCK_MS = 30_000;

const kindOf = (rel: string) => {
  const base = path.posix.basename(rel);
  if (base.endsWith('.dockerignore')) return 'dockerignore';
  if (/^\.env(?:\.|$)/.test(base)) return 'env';
  return kindOfName(base) ?? (/\.ya?ml$/.test(base) ? 'compose' : undefined);
};
const byKind = { dockerfile: [] as string[], compose: [] as string[], dockerignore: [] as string[], env: [] as string[] };
for (const rel of corpusFiles) {
  const kind = kindOf(rel);
  if (kind) byKind[kind].push(rel);
}

const texts = new Map<string, string>();
const read = (rel: string) => {
  let t = texts.get(rel);
  if (t === undefined) texts.set(rel, (t = readFileSync(path.join(corpus, rel), 'utf8')));
  return t;
};

interface Mutant {
  seed: number;
  /** What was mutated, for the failure message. */
  label: string;
  files: DiscoveredFile[];
  cwd: string;
  overlay?: Map<string, string>;
}

let scratch: string | undefined;
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Mutant `seed`: seven in eight replace one corpus Dockerfile or compose file in place (an overlay at its own path, so
 * its builds, env files and `extends` still reach the corpus files around it); one in eight is a small project written
 * to a temp directory, a mutated compose file, Dockerfile, .dockerignore and .env that meet each other.
 */
function makeMutant(seed: number): Mutant {
  const r = prng(seed);
  const donors = () => read(r.pick(r.chance(0.5) ? byKind.dockerfile : byKind.compose));
  if (r.int(8) > 0) {
    const kind = r.chance(0.5) ? 'dockerfile' : 'compose';
    const rel = r.pick(byKind[kind]);
    // Three times in four a window of the file: small inputs are faster, so more mutants fit in the time.
    let source = read(rel);
    if (r.chance(0.75)) {
      const ls = source.split('\n');
      const from = r.int(ls.length);
      source = ls.slice(from, from + 1 + r.int(30)).join('\n');
    }
    const { text, applied } = mutate(source, r, donors);
    const abs = path.join(corpus, rel);
    return { seed, label: `${rel} [${applied.join(', ')}]`, cwd: corpus, files: [{ path: abs, kind, explicit: true }], overlay: new Map([[abs, text]]) };
  }
  scratch ??= mkdtempSync(path.join(os.tmpdir(), 'dockpolicy-fuzz-'));
  const dir = path.join(scratch, String(seed));
  mkdirSync(dir, { recursive: true });
  const parts: Record<string, string> = {
    'compose.yaml': `${read(r.pick(byKind.compose))}\nservices:\n  fuzz:\n    build: .\n    env_file: .env\n`,
    Dockerfile: read(r.pick(byKind.dockerfile)),
    '.dockerignore': read(r.pick(byKind.dockerignore)),
    '.env': byKind.env.length ? read(r.pick(byKind.env)) : 'A=1\nPASSWORD=hunter2hunter2\n',
  };
  const applied: string[] = [];
  for (const [name, text] of Object.entries(parts)) {
    const m = r.chance(0.75) ? mutate(text, r, donors) : { text, applied: [] };
    applied.push(`${name}: ${m.applied.join(', ') || 'as is'}`);
    writeFileSync(path.join(dir, name), m.text);
  }
  return {
    seed,
    label: `temp project [${applied.join('; ')}]`,
    cwd: dir,
    files: [
      { path: path.join(dir, 'Dockerfile'), kind: 'dockerfile', explicit: false },
      { path: path.join(dir, 'compose.yaml'), kind: 'compose', explicit: false },
    ],
  };
}

/** Writes a mutant's mutated files under `dir` (relative paths kept) to look at them. */
function dump(mutant: Mutant, dir: string): void {
  const files = mutant.overlay ? [...mutant.overlay] : mutant.files.map((f) => [f.path, readFileSync(f.path, 'utf8')] as const);
  for (const [file, text] of files) {
    const out = path.join(dir, path.relative(mutant.cwd, file));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`fuzz: wrote ${out}`);
  }
}

/**
 * A thread that watches the main thread's heartbeat: rules run synchronously, so a mutant stuck in a loop can only be
 * reported from outside. It writes the stuck seed straight to fd 2 and kills the process, failing the run visibly.
 */
function watchdog(): { beat: (seed: number) => void; stop: () => Promise<number> } {
  // [seed, heartbeat, ticks of a timer on the main thread: they go on while it awaits, stop while it is busy]
  const shared = new Int32Array(new SharedArrayBuffer(12));
  const ticker = setInterval(() => Atomics.add(shared, 2, 1), 1000);
  ticker.unref();
  const worker = new Worker(
    `const { workerData: { shared, stuckMs } } = require('node:worker_threads');
     const fs = require('node:fs');
     for (;;) {
       const before = Atomics.load(shared, 1);
       const ticks = Atomics.load(shared, 2);
       if (Atomics.load(shared, 0) === -1) break;
       Atomics.wait(shared, 1, before, stuckMs);
       if (Atomics.load(shared, 0) === -1) break;
       // A machine that stood still (a paused VM, a starved process) wakes both threads at once: the main thread
       // then beats within a moment, a hung one does not.
       if (Atomics.load(shared, 1) === before) Atomics.wait(shared, 1, before, 5000);
       if (Atomics.load(shared, 1) === before) {
         const how = Atomics.load(shared, 2) - ticks > 2 ? 'awaiting a promise that never settles' : 'busy (synchronous code)';
         fs.writeSync(2, '\\nfuzz: mutant ' + Atomics.load(shared, 0) + ' has run for ' + stuckMs / 1000 + ' s, ' + how + ': a hang. Replay: FUZZ_SEED=' + Atomics.load(shared, 0) + ' npx vitest run test/fuzz.test.ts\\n');
         process.kill(process.pid, 'SIGKILL');
       }
     }`,
    { eval: true, workerData: { shared, stuckMs: STUCK_MS } },
  );
  return {
    beat(seed) {
      Atomics.store(shared, 0, seed);
      Atomics.add(shared, 1, 1);
      Atomics.notify(shared, 1);
    },
    async stop() {
      clearInterval(ticker);
      Atomics.store(shared, 0, -1);
      Atomics.add(shared, 1, 1);
      Atomics.notify(shared, 1);
      return worker.terminate();
    },
  };
}

describe.skipIf(corpusFiles.length === 0)(`mutation fuzzing over ${corpus}`, () => {
  it(REPLAY !== undefined ? `replays mutant ${REPLAY}` : `${ITERATIONS} mutants (FUZZ_BASE=${BASE}): no exception, no rule crash, no hang, valid SARIF`, async () => {
    const all = await everyRuleOn(corpus);
    const validate = sarifSchemaMissing ? undefined : sarifValidator();
    const seeds = REPLAY !== undefined ? [REPLAY] : Array.from({ length: ITERATIONS }, (_, i) => BASE * 1_000_000 + i);
    const failures: string[] = [];
    const dog = watchdog();
    const started = performance.now();
    /** Runs one mutant: what went wrong (nothing when all is well) and how long it took. */
    const runOne = async (seed: number): Promise<{ failures: string[]; ms: number; label?: string }> => {
      const out: string[] = [];
      const t0 = performance.now();
      let mutant: Mutant | undefined;
      try {
        mutant = makeMutant(seed);
        if (REPLAY !== undefined && process.env.FUZZ_DUMP) dump(mutant, process.env.FUZZ_DUMP);
        // Every 50th mutant gives the reporters every rule's descriptor, the others only those that found something.
        const { result, outputs } = await checkAndRender(mutant.files, mutant.cwd, { overlay: mutant.overlay }, all, seed % 50 !== 0);
        for (const crash of result.crashes) out.push(`seed ${seed}: rule ${crash.ruleId} crashed: ${crash.message.slice(0, 300)} — ${mutant.label}`);
        const log = JSON.parse(outputs.get('sarif')!) as unknown;
        const problems = validate?.(log) ?? [];
        if (problems.length) out.push(`seed ${seed}: invalid SARIF: ${problems.slice(0, 3).join('; ')} — ${mutant.label}`);
        for (const format of ['json', 'gitlab', 'editor'] as const) JSON.parse(outputs.get(format)!); // well-formed JSON
      } catch (e) {
        out.push(`seed ${seed}: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ').slice(0, 600)} — ${mutant?.label ?? 'while mutating'}`);
      }
      return { failures: out, ms: performance.now() - t0, label: mutant?.label };
    };
    try {
      for (const seed of seeds) {
        dog.beat(seed);
        if (VERBOSE && seed % 500 === 0) console.log(`fuzz: at ${seed}, ${Math.round((performance.now() - started) / 1000)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
        const first = await runOne(seed);
        failures.push(...first.failures);
        // A slow mutant is run again before it counts as a hang: a garbage collection or a busy machine can stall one run.
        if (first.ms > SLOW_MS && (await runOne(seed)).ms > SLOW_MS) failures.push(`seed ${seed}: took ${Math.round(first.ms)} ms twice (a hang: over ${SLOW_MS} ms) — ${first.label}`);
      }
    } finally {
      await dog.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${seeds.length} mutants in ${seconds.toFixed(1)} s (seeds ${seeds[0]}..${seeds[seeds.length - 1]}); replay one with FUZZ_SEED=<seed>`);
    expect(failures, `replay a failure with FUZZ_SEED=<seed> npx vitest run test/fuzz.test.ts\n${failures.join('\n')}`).toEqual([]);
  }, Math.max(60_000, ITERATIONS * 100));
});

if (corpusFiles.length === 0) {
  describe('mutation fuzzing', () => it.skip(`skipped: ${corpus} is absent (it ships beside the repository in ../shared)`, () => {}));
}
