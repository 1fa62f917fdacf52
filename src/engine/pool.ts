// Threads for a large run: this thread and N-1 worker threads take batches from one queue. A worker thread loads the
// CLI (bin/dockpolicy.js, which hands over to workerMain), sets up the rules from the same configuration file and
// checks the batches it is sent. Results are kept in the order the batches were given, so the merged output does
// not depend on which thread took which batch.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/package-root.js';
import { checkBatch, type Batch, type BatchContext, type BatchResult, type BatchRunner } from './check.js';
import { WORKER_ARG } from './worker.js';

/** What a worker thread is started with: the batch context without the rules (it sets them up from `configFile`). */
export interface WorkerInit extends Omit<BatchContext, 'rules' | 'settings'> {
  configFile?: string;
}

export type WorkerReply = { id: number; result: BatchResult } | { id: number; error: string };

/** Batches sent ahead to a worker thread, so it never waits for this thread to finish a batch of its own. */
const AHEAD = 2;

export class WorkerPool {
  private constructor(private readonly ctx: BatchContext, private readonly workers: Worker[]) {}

  /** `threads` in all, this one included. */
  static start(threads: number, ctx: BatchContext, configFile: string | undefined): WorkerPool {
    const { rules: _rules, settings: _settings, ...data } = ctx;
    const workerData: WorkerInit = { ...data, configFile };
    const script = path.join(packageRoot(), 'bin', 'dockpolicy.js');
    return new WorkerPool(ctx, Array.from({ length: threads - 1 }, () => new Worker(script, { argv: [WORKER_ARG], workerData, stdout: false, stderr: false })));
  }

  readonly runner: BatchRunner = async (batches) => {
    const results: BatchResult[] = new Array(batches.length);
    let next = 0;
    let failed = false;
    const take = () => (!failed && next < batches.length ? next++ : undefined);
    const here = async () => {
      for (let id = take(); id !== undefined; id = take()) {
        results[id] = await checkBatch(batches[id]!, this.ctx);
        await new Promise(setImmediate); // let the worker threads' replies in
      }
    };
    const there = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const send = () => {
          for (let id = inFlight < AHEAD ? take() : undefined; id !== undefined; id = inFlight < AHEAD ? take() : undefined) {
            inFlight++;
            worker.postMessage({ id, batch: batches[id] satisfies Batch });
          }
          if (inFlight === 0) finish();
        };
        const onMessage = (reply: WorkerReply) => {
          if ('error' in reply) return fail(new Error(reply.error));
          results[reply.id] = reply.result;
          inFlight--;
          send();
        };
        const fail = (error: Error) => {
          failed = true;
          finish();
          reject(error);
        };
        const onExit = (code: number) => fail(new Error(`a worker thread stopped (exit code ${code})`));
        const finish = () => {
          worker.off('message', onMessage).off('error', fail).off('exit', onExit);
          resolve();
        };
        worker.on('message', onMessage).on('error', fail).on('exit', onExit);
        send();
      });
    await Promise.all([here(), ...this.workers.map(there)]);
    return results;
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
