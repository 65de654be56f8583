/** One job on an engine worker thread (a new one, or a warm one from a pool), seen from the main thread: control commands, watchdog, grace-period termination, outcome. */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { Command, ControlBlock } from './control';
import type { EngineWorkerPool } from './worker-pool';
import type { EngineJob, MainToWorker, WorkerToMain } from '../../shared/workers/engine';

/** How a job's worker ended: after posting its result, with a failure reason, or terminated by us. */
export type JobOutcome = { kind: 'finished' } | { kind: 'failed'; reason: string } | { kind: 'terminated'; reason: string };

export interface WorkerJobOptions {
  /** Path of the built worker bundle (out/main/engine-worker.js). */
  workerPath: string;
  job: EngineJob;
  /** Caps the worker's JS heap (not its ArrayBuffers: check the memory budget first). */
  resourceLimits?: ResourceLimits;
  /** After stop(), terminate the worker if it has not exited within this time (default 2000 ms). */
  graceMs?: number;
  /** Report a worker whose heartbeat has not changed for this long (default 5000 ms). */
  heartbeatTimeoutMs?: number;
  onMessage: (message: WorkerToMain) => void;
  onHeartbeatMissed?: (silentMs: number) => void;
  /** Take the worker from this pool, and give it back once the job has posted its result (default: a new worker, ended after the job). */
  pool?: EngineWorkerPool;
}

const WATCHDOG_TICK_MS = 250;

export class WorkerJob {
  readonly control = new ControlBlock();
  /** Resolves once the job has ended: its worker exited, or (with a pool) went back to it after posting its result. */
  readonly exited: Promise<JobOutcome>;
  private readonly worker: Worker;
  private readonly watchdog: NodeJS.Timeout;
  /** Set by the worker's messages and error event, read by the exit handler. */
  private resultReceived = false;
  private failure: string | null = null;
  private terminatedBecause: string | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  /** Set once the job has ended (exited resolved); with a pool the worker may then already run another job. */
  private ended = false;
  private resolveExited: (outcome: JobOutcome) => void = () => undefined;
  private readonly listeners = {
    message: (message: WorkerToMain): void => this.receive(message),
    error: (error: Error): void => {
      this.failure ??= error.message || String(error);
    },
    exit: (code: number): void => this.end(this.outcome(code)),
  };

  constructor(private readonly options: WorkerJobOptions) {
    const { workerPath, resourceLimits, pool } = options;
    this.worker = pool
      ? pool.take(workerPath, resourceLimits)
      : new Worker(workerPath, { resourceLimits, stdout: false, stderr: false });
    this.worker.on('message', this.listeners.message);
    this.worker.on('error', this.listeners.error);
    this.worker.once('exit', this.listeners.exit);
    this.exited = new Promise<JobOutcome>((resolve) => (this.resolveExited = resolve));
    this.watchdog = this.startWatchdog(options.heartbeatTimeoutMs ?? 5000);
    const start: MainToWorker = { type: 'start', job: options.job, control: this.control.buffer };
    this.worker.postMessage(start);
  }

  pause(): void {
    this.control.send(Command.pause);
  }

  resume(): void {
    this.control.send(Command.run);
  }

  /** Run one batch or one epoch, then pause again. */
  step(unit: 'batch' | 'epoch'): void {
    this.control.send(unit === 'batch' ? Command.stepBatch : Command.stepEpoch);
  }

  setLearningRate(learningRate: number | null): void {
    this.control.setLearningRate(learningRate);
  }

  /** Ask the worker to stop after its current batch; terminate it if it is still alive after the grace period. */
  stop(): void {
    if (this.ended) return;
    this.control.send(Command.stop);
    this.graceTimer ??= setTimeout(() => {
      this.terminate(`did not stop within ${this.options.graceMs ?? 2000} ms of the stop request; terminated`);
    }, this.options.graceMs ?? 2000);
  }

  /** End the worker now (nothing to do once the job has ended). */
  terminate(reason: string): Promise<JobOutcome> {
    if (this.ended) return this.exited;
    this.terminatedBecause ??= reason;
    void this.worker.terminate();
    return this.exited;
  }

  private receive(message: WorkerToMain): void {
    const result = message.type === 'finished' || message.type === 'gradcheck' || message.type === 'cell';
    if (result) this.resultReceived = true;
    if (message.type === 'error') this.failure ??= message.message;
    this.options.onMessage(message);
    if (result || message.type === 'error') this.release();
  }

  /**
   * The job has posted its result or its error, and the worker waits for another job: give it back to the pool
   * (a result, no stop forced) or end it (the exit handler then resolves the outcome).
   */
  private release(): void {
    const { pool, workerPath, resourceLimits } = this.options;
    if (!pool || this.failure !== null || this.terminatedBecause !== null) {
      void this.worker.terminate();
      return;
    }
    this.worker.off('message', this.listeners.message);
    this.worker.off('error', this.listeners.error);
    this.worker.off('exit', this.listeners.exit);
    this.end({ kind: 'finished' });
    pool.give(this.worker, workerPath, resourceLimits);
  }

  private end(outcome: JobOutcome): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.watchdog);
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.resolveExited(outcome);
  }

  private outcome(code: number): JobOutcome {
    if (this.failure !== null) return { kind: 'failed', reason: this.failure };
    if (this.resultReceived) return { kind: 'finished' };
    if (this.terminatedBecause !== null) return { kind: 'terminated', reason: this.terminatedBecause };
    return { kind: 'failed', reason: `the engine worker exited with code ${code} before finishing its job` };
  }

  /** Watch the shared heartbeat counter; report once per silence longer than `timeoutMs`. */
  private startWatchdog(timeoutMs: number): NodeJS.Timeout {
    let last = this.control.heartbeat();
    let lastChange = Date.now();
    let reported = false;
    const timer = setInterval(() => {
      const beat = this.control.heartbeat();
      const time = Date.now();
      if (beat !== last) {
        last = beat;
        lastChange = time;
        reported = false;
      } else if (!reported && time - lastChange > timeoutMs) {
        reported = true;
        this.options.onHeartbeatMissed?.(time - lastChange);
      }
    }, WATCHDOG_TICK_MS);
    timer.unref();
    return timer;
  }
}
