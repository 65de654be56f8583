/**
 * Gradient helpers kept warm between the data-parallel runs of one engine worker (itself kept warm by
 * worker-pool.ts): a released helper waits for the next run's GradientWorkerData as a message, with the code V8
 * compiled for the last run. A fresh helper would compile it again while both cores train (see worker-pool.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GradientWorkerData } from '../../shared/workers/gradient';

export class HelperPool {
  private readonly idle = new Map<string, Worker[]>();
  /** Helpers started and helpers handed out again (for tests and the bench). */
  readonly counts = { started: 0, reused: 0 };

  /** `maxIdle`: at most the helpers of a run on every core (threads − 1). */
  constructor(private readonly maxIdle = Math.max(1, availableParallelism() - 1)) {}

  /** A released helper of this bundle, given `data` for its next run, or a new one starting with it. */
  take(path: URL | string, data: GradientWorkerData): Worker {
    const warm = this.idle.get(String(path))?.pop();
    if (warm) {
      this.counts.reused++;
      warm.postMessage(data);
      return warm;
    }
    this.counts.started++;
    const worker = new Worker(path, { workerData: data, stdout: false, stderr: false });
    // A helper's failure reaches the run through shared memory or the start-up deadline; its 'error' event (e.g.
    // a bundle that cannot load) must not become an uncaught exception of the run thread.
    worker.on('error', () => undefined);
    return worker;
  }

  /** Keep a helper that acknowledged its release (RequestKind.release), or end it when the pool is full. */
  give(path: URL | string, worker: Worker): void {
    const idle = this.idle.get(String(path)) ?? [];
    if (idle.length >= this.maxIdle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    idle.push(worker);
    this.idle.set(String(path), idle);
  }

  /** End every waiting helper (tests; an engine worker's helpers otherwise end with it). */
  async dispose(): Promise<void> {
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  /** Helpers waiting now. */
  get size(): number {
    return [...this.idle.values()].reduce((n, list) => n + list.length, 0);
  }
}
