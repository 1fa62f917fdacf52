#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle/ by `npm run build` (run on install by `prepare`). It is also
// the script of the worker threads a large run starts (src/engine/pool.ts).
import { isMainThread } from 'node:worker_threads';
import { main, workerMain } from '../dist/bundle/dockpolicy.js';

if (!isMainThread) {
  await workerMain();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`dockpolicy: internal error: ${error?.message ?? error}\n`);
      if (process.env.DOCKPOLICY_DEBUG) process.stderr.write(`${error?.stack}\n`);
      process.exitCode = 2;
    },
  );
}
