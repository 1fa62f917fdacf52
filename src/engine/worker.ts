// A worker thread's side of the pool (see pool.ts): set up the rules once, then check each batch sent.
import { requireBuiltin } from '../util/require-builtin.js';
import type * as WorkerThreads from 'node:worker_threads';
import { checkBatch, type BatchContext } from './check.js';
import type { WorkerContext, WorkerMessage, WorkerReply } from './pool.js';
import { packResult } from './packed.js';
import { rulesOf } from './setup.js';

export { WORKER_ARG } from './large-run.js';

export async function workerMain(): Promise<void> {
  // Required here rather than imported, so that the bundle loads the module only in a worker thread.
  const { parentPort } = requireBuiltin('node:worker_threads') as typeof WorkerThreads;
  const port = parentPort!;
  // The rules are set up from the configuration the main thread loaded, sent with the run's plan.
  let received!: (context: WorkerContext) => void;
  const context = new Promise<WorkerContext>((resolve) => (received = resolve));
  // Findings are sent away as each batch is done, packed with one copy of each string (packed.ts): none kept here.
  const ready = context.then(async ({ config, ...ctx }): Promise<BatchContext> => ({ ...ctx, engine: { ...ctx.engine, copyStrings: false }, ...(await rulesOf(config)) }));
  ready.catch(() => {}); // reported with the first run
  // Runs of batches one after the other, and a batch at a time: one batch's trees live at once.
  let previous = Promise.resolve();
  port.on('message', (message: WorkerMessage) => {
    if ('context' in message) return received(message.context);
    const { batches, next } = message;
    const counter = new Int32Array(next);
    previous = previous.then(async () => {
      // Ready first: a thread takes a batch only when it can check it at once.
      const ctx = await ready.catch((e: unknown) => port.postMessage({ error: `${(e as Error)?.message ?? e}` } satisfies WorkerReply));
      if (!ctx) return;
      for (let id = Atomics.add(counter, 0, 1); id < batches.length; id = Atomics.add(counter, 0, 1)) {
        let reply: WorkerReply;
        try {
          reply = { id, result: packResult(await checkBatch(batches[id]!, ctx)) };
        } catch (e) {
          reply = { error: `${(e as Error)?.message ?? e}` };
        }
        port.postMessage(reply);
      }
    });
  });
}
