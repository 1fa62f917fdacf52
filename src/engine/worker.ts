// A worker thread's side of the pool (see pool.ts): set up the rules once, then check each batch sent.
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import { checkBatch, type Batch, type BatchContext } from './check.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { ruleSetup } from './setup.js';

export { WORKER_ARG } from './worker-arg.js';


export async function workerMain(): Promise<void> {
  // Required here rather than imported, so that the bundle loads the module only in a worker thread.
  const { parentPort, workerData } = (typeof require === 'function' ? require : createRequire(import.meta.url))('node:worker_threads') as typeof WorkerThreads;
  const port = parentPort!;
  const init = workerData as WorkerInit;
  const ready = ruleSetup(init.configFile, init.cwd).then(({ rules, settings }): BatchContext => ({ ...init, rules, settings }));
  // Batches arrive ahead of time (pool.ts AHEAD): checked one after the other, so one batch's trees live at a time.
  let previous = Promise.resolve();
  port.on('message', ({ id, batch }: { id: number; batch: Batch }) => {
    previous = previous.then(async () => {
      let reply: WorkerReply;
      try {
        reply = { id, result: await checkBatch(batch, await ready) };
      } catch (e) {
        reply = { id, error: `${(e as Error)?.message ?? e}` };
      }
      port.postMessage(reply);
    });
  });
}
