/**
 * Engine workers kept warm between jobs. A fresh worker is a fresh V8 isolate: its first few thousand batches run
 * while V8 compiles the hot JavaScript in the background. One thread alone compiles on the idle core, but a
 * two-thread run has both cores busy, so each compile stalls one of two threads that wait for each other (measured
 * on 784–256–128–10: 124 of the first 1,500 split steps over twice the median, then 29, 16, 12, 5). A worker that
 * finished its job cleanly goes back here with its compiled code (and its gradient helpers, see helper-pool.ts);
 * the next job on the same bundle and limits takes it instead of starting a new one.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** Idle workers kept at most (default 2: one per core of the machines we target). */
  maxIdle?: number;
  /** An idle worker ends after this long unused (default 60 s): its memory goes back to the system. */
  idleMs?: number;
}

interface Idle {
  worker: Worker;
  key: string;
  timer: NodeJS.Timeout;
  /** Drops the entry should the idle worker die (it should not: it only waits for a message). */
  onExit: () => void;
}

const keyOf = (path: string, limits: ResourceLimits | undefined): string => JSON.stringify([path, limits ?? null]);

export class EngineWorkerPool {
  private readonly idle: Idle[] = [];
  private readonly maxIdle: number;
  private readonly idleMs: number;
  private disposed = false;
  /** Workers started and workers handed out again (for tests and the bench). */
  readonly counts = { started: 0, reused: 0 };

  constructor(options: WorkerPoolOptions = {}) {
    this.maxIdle = options.maxIdle ?? 2;
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** A warm idle worker of this bundle and limits, or a new one. */
  take(path: string, resourceLimits: ResourceLimits | undefined): Worker {
    const key = keyOf(path, resourceLimits);
    const at = this.idle.findIndex((w) => w.key === key);
    if (at >= 0) {
      const [{ worker, timer, onExit }] = this.idle.splice(at, 1);
      clearTimeout(timer);
      worker.off('exit', onExit);
      worker.ref();
      this.counts.reused++;
      return worker;
    }
    this.counts.started++;
    return new Worker(path, { resourceLimits, stdout: false, stderr: false });
  }

  /**
   * Keep `worker` (its job ended with a result; no listeners of the job left on it) for the next job, or end it
   * when the pool is full or disposed. An idle worker does not keep the process alive.
   */
  give(worker: Worker, path: string, resourceLimits: ResourceLimits | undefined): void {
    if (this.disposed || this.idle.length >= this.maxIdle) {
      void worker.terminate();
      return;
    }
    const entry: Idle = {
      worker,
      key: keyOf(path, resourceLimits),
      timer: setTimeout(() => this.expire(entry), this.idleMs),
      onExit: () => this.remove(entry),
    };
    entry.timer.unref();
    worker.unref();
    worker.once('exit', entry.onExit);
    this.idle.push(entry);
  }

  /** Idle workers now. */
  get size(): number {
    return this.idle.length;
  }

  /** End every idle worker; workers given back later are ended at once. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const all = this.idle.splice(0);
    for (const { timer } of all) clearTimeout(timer);
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }

  private expire(entry: Idle): void {
    if (this.remove(entry)) void entry.worker.terminate();
  }

  private remove(entry: Idle): boolean {
    const at = this.idle.indexOf(entry);
    if (at < 0) return false;
    clearTimeout(entry.timer);
    this.idle.splice(at, 1);
    return true;
  }
}
