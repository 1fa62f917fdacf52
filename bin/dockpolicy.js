#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/bundle/ by `npm run build` (run on install by `prepare`), and load.cjs
// compiles it with V8's code cache. CommonJS (bin/package.json), so that Node's ES module loader never starts. It is
// also the script of the worker threads a large run starts (src/engine/pool.ts).
'use strict';
const cli = require('../dist/bundle/load.cjs');

if (process.argv.includes(cli.WORKER_ARG) && !require('node:worker_threads').isMainThread) {
  cli.workerMain();
} else {
  cli.main(process.argv.slice(2)).then(
    (code) => {
      // Exit at once: the output is written (synchronously) by now, and waiting for the event loop to drain would have
      // Node tear down V8's heap page by page (~20 ms after a large run) and wait for the worker threads' own teardown.
      process.exit(code);
    },
    (error) => {
      process.stderr.write(`dockpolicy: internal error: ${error?.message ?? error}\n`);
      if (process.env.DOCKPOLICY_DEBUG) process.stderr.write(`${error?.stack}\n`);
      process.exitCode = 2;
    },
  );
}
