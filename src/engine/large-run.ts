// What makes a run large (threads, V8's flags): shared by the engine and by the bundle's loader (load.cjs, written by
// scripts/build.mjs), which must know some of it before the bundle is loaded.

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
