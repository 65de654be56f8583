/** One job on its own engine worker thread, seen from the main thread: control commands, watchdog, grace-period termination, exit reason. */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { Command, ControlBlock } from './control';
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
}

const WATCHDOG_TICK_MS = 250;

export class WorkerJob {
  readonly control = new ControlBlock();
  /** Resolves once the worker thread has exited. */
  readonly exited: Promise<JobOutcome>;
  private readonly worker: Worker;
  private readonly watchdog: NodeJS.Timeout;
  /** Set by the worker's messages and error event, read by the exit handler. */
  private resultReceived = false;
  private failure: string | null = null;
  private terminatedBecause: string | null = null;
  private graceTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WorkerJobOptions) {
    this.worker = new Worker(options.workerPath, { resourceLimits: options.resourceLimits, stdout: false, stderr: false });
    this.worker.on('message', (message: WorkerToMain) => this.receive(message));
    this.worker.on('error', (error: Error) => {
      this.failure ??= error.message || String(error);
    });
    this.exited = new Promise<JobOutcome>((resolve) => {
      this.worker.once('exit', (code) => {
        clearInterval(this.watchdog);
        if (this.graceTimer) clearTimeout(this.graceTimer);
        resolve(this.outcome(code));
      });
    });
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
    this.control.send(Command.stop);
    this.graceTimer ??= setTimeout(() => {
      this.terminate(`did not stop within ${this.options.graceMs ?? 2000} ms of the stop request; terminated`);
    }, this.options.graceMs ?? 2000);
  }

  /** End the worker now. */
  terminate(reason: string): Promise<JobOutcome> {
    this.terminatedBecause ??= reason;
    void this.worker.terminate();
    return this.exited;
  }

  private receive(message: WorkerToMain): void {
    if (message.type === 'finished' || message.type === 'gradcheck' || message.type === 'cell') this.resultReceived = true;
    if (message.type === 'error') this.failure ??= message.message;
    this.options.onMessage(message);
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
