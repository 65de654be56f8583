/** The main thread's record of one run: its status, metrics, downsampled curves and latest weights, updated from worker messages. */
import { LossCurve } from '../../engine/loss-curve';
import type { ResumePoint, WorkerToMain } from '../../../shared/workers/engine';
import type { EpochMetrics, FinishReason, NonFiniteReport } from '../../../shared/runs';
import type { WorkerJob } from '../../engine/worker-job';
import type { NamedTensor, SplitMetrics } from '../../../shared/model';
import type { PreparedData } from '../../../shared/datasets';
import type { WireError } from '../../../shared/errors';
import type { RunCurves, RunEvent, RunParent, RunStartRequest, RunStatus, RunSummary } from '../../../shared/runs';
import type { RunLineage } from './lineage';

export class RunRecord {
  status: RunStatus = 'queued';
  /** The worker while the run is active (running or paused), else null. */
  job: WorkerJob | null = null;
  /** Set by stop(): a worker that then exits without finishing counts as stopped, not failed. */
  stopRequested = false;
  /** The latest weights the worker sent (after an epoch, on pause, at the end); null before the first. */
  state: NamedTensor[] | null = null;
  finishReason: FinishReason | null = null;
  failureReason: string | null = null;
  /** Why the run failed, with a code and params (see RunSummary.failure). */
  failure: WireError | null = null;
  nonFinite: NonFiniteReport | null = null;
  readonly curve = new LossCurve();
  readonly epochs: EpochMetrics[] = [];
  private epoch = 0;
  private iteration = 0;
  private totalIterations: number | null = null;
  private learningRate: number;
  private samplesPerSecond = 0;
  private train: SplitMetrics | null = null;
  private validation: SplitMetrics | null = null;
  private test: SplitMetrics | null = null;
  private bestValidationAccuracy: number | null = null;
  /** Accumulated running time, plus the start of the current running stretch (null when not running). */
  private durationMs = 0;
  private runningSince: number | null = null;
  private readonly createdAt = new Date().toISOString();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly request: RunStartRequest,
    /**
     * The prepared splits (x shared on a SharedArrayBuffer); kept for snapshots until the run is removed. Null while a
     * dataset worker is still making them (the run waits in the queue).
     */
    public prepared: PreparedData | null,
    /** The memory estimate checked against the budget (sizes the worker's WebAssembly memory). */
    readonly estimatedBytes: number,
    lineage: RunLineage | null = null,
  ) {
    this.learningRate = request.config.learningRate;
    this.parent = lineage?.parent ?? null;
    const history = lineage?.resume?.history;
    if (history) {
      for (const [iteration, loss] of history.loss) this.curve.add(iteration, loss);
      this.curve.flush();
      this.curve.takeNew(); // the history is known to every window: progress events carry only what follows
      this.applyEpochs(history.epochs);
      this.epoch = history.epochs.at(-1)?.epoch ?? 0;
      this.iteration = history.loss.at(-1)?.[0] ?? 0;
    }
  }

  /** The run this one branches from (null for a run started afresh). */
  readonly parent: RunParent | null;

  /** Record why the run failed (the status change is the service's). */
  fail(error: WireError): void {
    this.failure = error;
    this.failureReason = error.message;
  }

  /** Change the status and keep the running-time clock in step. */
  setStatus(status: RunStatus): void {
    const time = Date.now();
    if (this.runningSince !== null) this.durationMs += time - this.runningSince;
    this.runningSince = status === 'running' ? time : null;
    this.status = status;
  }

  /** Set for a run that continues from a checkpoint (resume or branch). */
  resumeFrom: ResumePoint | null = null;

  /** Name of the kernels the worker computes with (from its 'started' message). */
  kernels: string | null = null;

  /** Apply one worker message; return the events it causes (status changes are the service's). */
  apply(message: WorkerToMain): RunEvent[] {
    switch (message.type) {
      case 'started':
        this.kernels = message.kernels;
        return [];
      case 'checkpoint': // the service hands it to its checkpoint sink
      case 'resumed':
      case 'paused':
      case 'gradcheck':
      case 'cell-progress':
      case 'cell':
      case 'error':
        if (message.type === 'paused') this.state = message.state;
        return [];
      case 'progress':
        return this.applyProgress(message);
      case 'nan':
        this.nonFinite = message.report;
        return [{ type: 'nan', runId: this.id, report: message.report }];
      case 'finished':
        this.finishReason = message.reason;
        this.state = message.state;
        this.iteration = message.iteration;
        this.epoch = message.epoch;
        this.samplesPerSecond = message.samplesPerSecond;
        ({ train: this.train, validation: this.validation, test: this.test } = message.metrics);
        this.curve.flush();
        return [this.progressEvent([])];
      default: {
        const unknown: never = message;
        throw new Error(`run ${this.id}: unknown worker message ${JSON.stringify(unknown)}`);
      }
    }
  }

  private applyProgress(message: Extract<WorkerToMain, { type: 'progress' }>): RunEvent[] {
    message.losses.forEach((loss, i) => this.curve.add(message.firstIteration + i, loss));
    this.epoch = message.epoch;
    this.iteration = message.iteration;
    this.learningRate = message.learningRate;
    this.samplesPerSecond = message.samplesPerSecond;
    const { epochs, maxIterations } = this.request.config;
    const byEpochs = message.batchesPerEpoch * epochs;
    this.totalIterations = maxIterations === undefined ? byEpochs : Math.min(byEpochs, maxIterations);
    this.applyEpochs(message.epochs);
    if (message.state) this.state = message.state;
    const events: RunEvent[] = [this.progressEvent(message.epochs)];
    const last = message.epochs.at(-1);
    if (last) events.push({ type: 'epoch', runId: this.id, epoch: last.epoch, train: last.train, validation: last.validation });
    return events;
  }

  private applyEpochs(epochs: readonly EpochMetrics[]): void {
    for (const metrics of epochs) {
      this.epochs.push(metrics);
      this.train = metrics.train;
      this.validation = metrics.validation;
      const accuracy = metrics.validation?.accuracy ?? null;
      if (accuracy !== null && (this.bestValidationAccuracy === null || accuracy > this.bestValidationAccuracy)) {
        this.bestValidationAccuracy = accuracy;
      }
    }
  }

  /** A progress event with the loss points not yet sent. */
  private progressEvent(epochs: EpochMetrics[]): RunEvent {
    const delta = this.curve.takeNew();
    return {
      type: 'progress',
      runId: this.id,
      epoch: this.epoch,
      iteration: this.iteration,
      totalIterations: this.totalIterations,
      loss: delta.points,
      lossReset: delta.reset,
      samplesPerSecond: this.samplesPerSecond,
      etaSeconds: this.eta(),
      learningRate: this.learningRate,
      epochs,
    };
  }

  /** Seconds left at the average iteration rate of the running time so far. */
  private eta(): number | null {
    const ms = this.runningMs();
    if (this.totalIterations === null || this.iteration === 0 || ms <= 0) return null;
    if (this.status !== 'running' && this.status !== 'paused') return null;
    return ((this.totalIterations - this.iteration) * ms) / this.iteration / 1000;
  }

  private runningMs(): number {
    return this.durationMs + (this.runningSince === null ? 0 : Date.now() - this.runningSince);
  }

  summary(): RunSummary {
    const { request } = this;
    return {
      id: this.id,
      name: this.name,
      status: this.status,
      finishReason: this.finishReason,
      failureReason: this.failureReason,
      failure: this.failure,
      nonFinite: this.nonFinite,
      datasetId: request.datasetId,
      architecture: request.architecture,
      config: request.config,
      createdAt: this.createdAt,
      durationMs: this.runningMs(),
      epoch: this.epoch,
      iteration: this.iteration,
      totalIterations: this.totalIterations,
      learningRate: this.learningRate,
      bestValidationAccuracy: this.bestValidationAccuracy,
      train: this.train,
      validation: this.validation,
      test: this.test,
      samplesPerSecond: this.samplesPerSecond,
      etaSeconds: this.eta(),
      kernels: this.kernels,
      parent: this.parent,
      split: request.split,
    };
  }

  curves(): RunCurves {
    return {
      runId: this.id,
      loss: this.curve.all(),
      iterationsPerPoint: this.curve.iterationsPerPoint,
      epochs: [...this.epochs],
    };
  }
}
