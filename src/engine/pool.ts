// Worker threads for a large run: each thread loads the CLI (bin/dockpolicy.js, which hands over to workerMain),
// sets up the rules from the same configuration file, and checks the batches it is sent one at a time. Results are
// returned in the order the batches were given, so the merged output does not depend on which thread was faster.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/package-root.js';
import type { Batch, BatchContext, BatchResult, BatchRunner } from './check.js';

/** What a thread is started with: the batch context without the rules (it sets them up from `configFile`). */
export interface WorkerInit extends Omit<BatchContext, 'rules' | 'settings'> {
  configFile?: string;
}

export type WorkerReply = { id: number; result: BatchResult } | { id: number; error: string };

export class WorkerPool {
  private failure?: Error;
  private constructor(private readonly workers: Worker[]) {}

  static async start(size: number, ctx: BatchContext, configFile: string | undefined): Promise<WorkerPool> {
    const { rules: _rules, settings: _settings, ...data } = ctx;
    const workerData: WorkerInit = { ...data, configFile };
    const script = path.join(packageRoot(), 'bin', 'dockpolicy.js');
    return new WorkerPool(Array.from({ length: size }, () => new Worker(script, { workerData, stdout: false, stderr: false })));
  }

  /** Sends each idle thread the next batch until none is left. */
  readonly runner: BatchRunner = (batches) =>
    new Promise((resolve, reject) => {
      const results: BatchResult[] = new Array(batches.length);
      let next = 0;
      let done = 0;
      if (batches.length === 0) return resolve(results);
      const fail = (error: Error) => {
        this.failure ??= error;
        cleanup();
        reject(this.failure);
      };
      const onExit = (code: number) => fail(new Error(`a worker thread stopped (exit code ${code})`));
      const handlers = this.workers.map((worker) => {
        const send = () => {
          if (next < batches.length) {
            const id = next++;
            worker.postMessage({ id, batch: batches[id] satisfies Batch });
          }
        };
        const onMessage = (reply: WorkerReply) => {
          if ('error' in reply) return fail(new Error(reply.error));
          results[reply.id] = reply.result;
          if (++done === batches.length) {
            cleanup();
            resolve(results);
          } else send();
        };
        worker.on('message', onMessage).on('error', fail).on('exit', onExit);
        send();
        return { worker, onMessage };
      });
      const cleanup = () => {
        for (const { worker, onMessage } of handlers) worker.off('message', onMessage).off('error', fail).off('exit', onExit);
      };
    });

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
