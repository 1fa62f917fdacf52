// Threads for a large run: this thread and N-1 worker threads take batches from one queue, a counter that every
// thread reads and increments (Atomics) when it is free, so that no thread holds batches another could be checking.
// A worker thread loads the CLI (bin/dockpolicy.js, which hands over to workerMain), sets up the rules from the
// configuration this thread loaded and checks the batches it takes. Results are kept in the order the batches were
// given, so the merged output does not depend on which thread took which batch.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/package-root.js';
import { checkBatch, type Batch, type BatchContext, type BatchResult, type BatchRunner } from './check.js';
import type { Config } from './config.js';
import { startWorkerThread, takeEarlyWorkers } from './large-run.js';
import { unpackResult, type PackedBatchResult } from './packed.js';

/**
 * The batch context, sent once the run is planned: plain data, and the configuration to set up the rules from (not
 * read again from its files: the thread is ready ~15 ms sooner).
 */
export type WorkerContext = Omit<BatchContext, 'rules' | 'settings'> & { config: Config };

/**
 * To a worker thread: the context, once; then each run of batches, with the counter that every thread takes its next
 * batch's index from (Atomics.add), so a thread takes a batch only when it is free to check it.
 */
export type WorkerMessage = { context: WorkerContext } | { batches: Batch[]; next: SharedArrayBuffer };

/** From a worker thread: a batch's result (its findings packed), or why it could not check one. */
export type WorkerReply = { id: number; result: PackedBatchResult } | { error: string };

export class WorkerPool {
  private ctx: BatchContext | undefined;

  /** Exit codes of worker threads that stopped before a run used them. */
  private readonly stopped = new Map<Worker, number>();

  private constructor(private workers: Worker[]) {
    for (const worker of workers) worker.once('exit', (code) => this.stopped.set(worker, code));
  }

  /**
   * `threads - 1` worker threads (`threads` in all, this one included): those the bundle's loader started, then new
   * ones. They load the CLI while this thread reads the configuration and finds and plans the files; until `use`, they
   * do not keep the process alive, so a run that stops early (a usage error) ends as usual.
   */
  static start(threads: number): WorkerPool {
    const workers = takeEarlyWorkers();
    for (const extra of workers.splice(threads - 1)) void extra.terminate();
    while (workers.length < threads - 1) workers.push(startWorkerThread(path.join(packageRoot(), 'bin', 'dockpolicy.js')));
    return new WorkerPool(workers);
  }

  /** Threads in all, this one included. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /**
   * Sends the batch context and the configuration its rules and settings were set up from, keeping `threads` threads
   * in all (this one included); stops the others.
   */
  use(threads: number, ctx: BatchContext, config: Config): void {
    for (const extra of this.workers.splice(threads - 1)) void extra.terminate();
    this.ctx = ctx;
    const { rules: _rules, settings: _settings, ...data } = ctx;
    const context: WorkerContext = { ...data, config };
    for (const worker of this.workers) worker.postMessage({ context } satisfies WorkerMessage);
  }

  readonly runner: BatchRunner = async (batches) => {
    const ctx = this.ctx!;
    const results: BatchResult[] = new Array(batches.length);
    const next = new SharedArrayBuffer(4);
    const counter = new Int32Array(next);
    // Done when every batch's result is in: a worker thread still starting takes none and is not waited for.
    let left = batches.length;
    let settle!: (error?: Error) => void;
    const done = new Promise<void>((resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())));
    done.catch(() => {}); // awaited below, unless this thread fails first
    const got = (id: number, result: BatchResult) => {
      results[id] = result;
      if (--left === 0) settle();
    };
    const fail = (error: Error) => {
      Atomics.store(counter, 0, batches.length); // the other threads take no more
      settle(error);
    };
    const listeners = this.workers.map((worker) => {
      const onMessage = (reply: WorkerReply) => {
        if ('error' in reply) fail(new Error(reply.error));
        else if ('id' in reply) got(reply.id, unpackResult(reply.result));
      };
      const onExit = (code: number) => fail(new Error(`a worker thread stopped (exit code ${code})`));
      worker.ref();
      worker.on('message', onMessage).on('error', fail).on('exit', onExit);
      if (this.stopped.has(worker)) onExit(this.stopped.get(worker)!);
      else worker.postMessage({ batches, next } satisfies WorkerMessage);
      return () => {
        worker.off('message', onMessage).off('error', fail).off('exit', onExit);
        worker.unref();
      };
    });
    try {
      if (left === 0) settle();
      for (let id = Atomics.add(counter, 0, 1); id < batches.length; id = Atomics.add(counter, 0, 1)) {
        got(id, await checkBatch(batches[id]!, ctx));
        await new Promise(setImmediate); // let the worker threads' replies in
      }
      await done;
    } finally {
      for (const off of listeners) off();
    }
    return results;
  };

  /** Stops the worker threads; they no longer keep the process alive, so a caller need not wait (~10 ms). */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
