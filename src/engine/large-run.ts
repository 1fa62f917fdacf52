// What makes a run large (threads, V8's flags): shared by the engine and by the bundle's loader (load.cjs, written by
// scripts/build.mjs), which must know some of it before the bundle is loaded.
import { requireBuiltin } from '../util/require-builtin.js';
import type { Worker } from 'node:worker_threads';

/**
 * Stacks, or Dockerfiles, loaded and checked together: small enough that a monorepo's parse trees never all live at
 * once and that threads share the work evenly, large enough that a batch's set-up costs little. Fixed, so that the
 * batches (and so the results) do not depend on the number of threads. A run of more than one is large.
 */
export const BATCH = 64;

/**
 * The argument a worker thread is started with: bin/dockpolicy.js asks node:worker_threads whether it runs in one only
 * when it sees it, so that a single-file run never loads that module (~1.5 ms).
 */
export const WORKER_ARG = '--dockpolicy-worker-thread';

/**
 * Whether a process tunes V8 (src/util/code-cache.ts) before it loads the bundle, and so reads the caches written with
 * the tuned flags: a worker thread (only large runs start them), and a command line of more than a batch of arguments,
 * whose run starts its threads before it finds its files (check.ts, startEarly).
 */
export const tunesAtLoad = (argv: readonly string[]): boolean => argv.includes(WORKER_ARG) || argv.length - 2 > BATCH;

/** Worker threads started before the bundle loaded, waiting for the pool to take them (pool.ts), in each thread. */
const EARLY = Symbol.for('dockpolicy.early-workers');
const early = () => ((globalThis as Record<symbol, Worker[]>)[EARLY] ??= []);

/**
 * Starts a worker thread running `bin` (bin/dockpolicy.js). It does not keep the process alive until a run uses it
 * (WorkerPool), so a run that stops early, or never uses it, ends as usual.
 */
export function startWorkerThread(bin: string): Worker {
  const { Worker } = requireBuiltin('node:worker_threads') as typeof import('node:worker_threads');
  // Its stdio is not piped to this process's: piping makes Node create process.stdout and process.stderr here, stream
  // objects (~1-2 ms) that the CLI never needs (src/cli/stdio.ts). A worker writes nothing: its results and errors come
  // back as messages, and the yaml package's warnings are off (src/parse/compose.ts).
  const worker = new Worker(bin, { argv: [WORKER_ARG], stdout: true, stderr: true });
  // A thread that fails before the run uses it: reported by the pool's runner, which finds it stopped.
  worker.on('error', () => {}).unref();
  return worker;
}

/**
 * The bundle's loader starts a worker thread before it loads the bundle when the command line would have check.ts
 * start threads before it finds its files (startEarly, more than a batch of paths): a worker thread takes ~100 ms to
 * be ready, and the main thread reaches startEarly ~50 ms after start-up. Told from the raw arguments: a worker the
 * run does not keep (startEarly decides) is stopped before it has done much.
 */
export function startWorkerAtLoad(argv: readonly string[], bin: string): void {
  if (!tunesAtLoad(argv) || argv.includes(WORKER_ARG) || !['check', 'baseline'].includes(argv[2]!)) return;
  const at = argv.findIndex((a) => a === '--concurrency' || a.startsWith('--concurrency='));
  const setting = at < 0 ? 'auto' : argv[at]!.includes('=') ? argv[at]!.slice('--concurrency='.length) : argv[at + 1];
  if (setting === 'off' || setting === '1') return;
  if (setting === 'auto' && (requireBuiltin('node:os') as typeof import('node:os')).availableParallelism() < 2) return;
  early().push(startWorkerThread(bin));
}

/** The worker threads started at load that no run has taken yet; taking them leaves none. */
export function takeEarlyWorkers(): Worker[] {
  return early().splice(0);
}
