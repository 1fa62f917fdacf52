// A worker thread's side of the pool (see pool.ts): set up the rules once, then check each batch sent.
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch, type Batch, type BatchContext } from './check.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { ruleSetup } from './setup.js';

export async function workerMain(): Promise<void> {
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
