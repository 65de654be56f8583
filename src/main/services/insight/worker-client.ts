/** One long-lived insight worker thread: posts jobs, matches replies by id, restarts after a crash. */
import { Worker } from 'node:worker_threads';
import type { InsightJob, InsightJobResult, InsightReply } from '../../../shared/workers/insight';
import { AppError } from '../../../shared/errors';

type Pending = { resolve: (r: InsightJobResult) => void; reject: (e: Error) => void };
/** A job as the caller gives it (the client assigns the id). */
export type InsightJobInput = InsightJob extends infer J ? (J extends InsightJob ? Omit<J, 'id'> : never) : never;

export class InsightWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath: string) {}

  /** Run `job` on the worker (started on first use); rejects with the worker's message when the job throws. */
  run(job: InsightJobInput): Promise<InsightJobResult> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the insight service was disposed'));
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.on('message', (reply: InsightReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(AppError.fromWire(reply.error));
    });
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`the insight worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
