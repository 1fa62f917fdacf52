// A worker thread's side of the pool (see pool.ts): set up the rules once, then check each batch sent.
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch, type Batch, type BatchContext } from './check.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { ruleSetup } from './setup.js';

export async function workerMain(): Promise<void> {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  const ready = ruleSetup(init.configFile, init.cwd).then(({ rules, settings }): BatchContext => ({ ...init, rules, settings }));
  port.on('message', async ({ id, batch }: { id: number; batch: Batch }) => {
    let reply: WorkerReply;
    try {
      reply = { id, result: await checkBatch(batch, await ready) };
    } catch (e) {
      reply = { id, error: `${(e as Error)?.message ?? e}` };
    }
    port.postMessage(reply);
  });
}
