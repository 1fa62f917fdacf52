/**
 * The argument a worker thread is started with: bin/dockpolicy.js asks node:worker_threads whether it runs in one only
 * when it sees it, so that a single-file run never loads that module (~1.5 ms), and the bundle's loader (load.cjs,
 * scripts/build.mjs) reads the code caches written for the V8 flags that runs large enough for threads set.
 */
export const WORKER_ARG = '--dockpolicy-worker-thread';
