/** The run service: starts, queues, controls and records training runs on engine workers; what the hosts and the CLI bind. */
import { availableParallelism } from 'node:os';
import { checkMemoryBudget } from '../../engine/memory-budget';
import type { JobOutcome, WorkerJob } from '../../engine/worker-job';
import type { ResumePoint, WorkerToMain } from '../../../shared/workers/engine';
import type { ModelSnapshot } from '../../../shared/model';
import { RunRecord } from './run-record';
import { RestoredRuns } from './restored-runs';
import { requestRunData, splitProblem } from './run-data';
import { nonFiniteFailure, preparationFailure, workerFailure } from './failures';
import type { PreparedData } from '../../../shared/datasets';
import { launchTrainJob, workerLimits } from './launch';
import { EngineWorkerPool } from '../../engine/worker-pool';
import type { RunServiceOptions } from './options';
import { runGradientCheck } from './gradient-check';
import type {
  GradientCheckRequest,
  GradientCheckResult,
  RestoredRun,
  RunCurves,
  RunEvent,
  RunStartRequest,
  RunSummary,
  UnnumberedRun,
} from '../../../shared/runs';
import { snapshotOf } from './snapshot';
import type { RunLineage } from './lineage';
import { gradientCheckRequestSchema, runStartRequestSchema } from '../../../shared/runs';
import { parseOrThrow } from '../../../shared/parse';

export type { DatasetProvider, RunServiceOptions } from './options';
export { defaultTrainEvalRows } from './launch';

export class RunService {
  private readonly runs = new Map<string, RunRecord>();
  /** Runs of earlier launches (restored by the workspace): listed before this launch's, never active. */
  private readonly restored = new RestoredRuns();
  private readonly queue: RunRecord[] = [];
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private readonly maxConcurrent: number;
  private nextId = 1;
  private disposed = false;
  /** Engine workers that finished a run cleanly, kept warm for the next ones (null: keepWorkersWarm is false). */
  private readonly pool: EngineWorkerPool | null;

  constructor(private readonly options: RunServiceOptions) {
    this.maxConcurrent = options.maxConcurrent ?? availableParallelism();
    if (!Number.isInteger(this.maxConcurrent) || this.maxConcurrent < 1) {
      throw new Error(`RunService: maxConcurrent must be an integer ≥ 1, got ${options.maxConcurrent}`);
    }
    this.pool = options.keepWorkersWarm === false ? null : new EngineWorkerPool({ maxIdle: this.maxConcurrent });
  }

  /**
   * Validate the budget, ask for the data and queue the run (it starts when its splits are ready and a slot is free;
   * a split made by a dataset worker arrives later, a failed one fails the run); with `resumeFrom` it continues from a
   * checkpoint (a resume with the same settings, or a branch with edited ones).
   */
  start(untrusted: RunStartRequest, resumeFrom: ResumePoint | null = null, lineage: RunLineage | null = null): RunSummary {
    if (this.disposed) throw new Error('RunService: disposed');
    const request = parseOrThrow(runStartRequestSchema, untrusted, 'run request');
    const budget = this.options.memoryBudgetBytes ?? 2 ** 30;
    const estimate = checkMemoryBudget(request.architecture, request.config, budget);
    // The split is the run's first allocation: it gets what the training estimate leaves of the budget.
    const data = requestRunData(this.options.datasets, request, budget - estimate.totalBytes);
    const resumed = lineage?.resume?.id;
    if (resumed !== undefined) this.restored.resume(resumed);
    const id = resumed ?? `run-${this.nextId++}`;
    const record = new RunRecord(id, request.name ?? id, request, data.prepared, estimate.totalBytes, lineage);
    record.resumeFrom = resumeFrom;
    this.runs.set(id, record);
    this.queue.push(record);
    this.emitStatus(record);
    void data.pending?.then(
      (prepared) => this.prepared(record, prepared),
      (error: unknown) => this.notPrepared(record, error),
    );
    this.schedule();
    return record.summary();
  }

  pause(id: string): void {
    this.active(id, 'pause').pause();
  }

  resume(id: string): void {
    this.active(id, 'resume').resume();
  }

  /** Train one batch or one epoch, then pause (works from running or paused). */
  step(id: string, unit: 'batch' | 'epoch'): void {
    this.active(id, 'step').step(unit);
  }

  /** Stop after the current batch (a queued run stops at once); the weights so far are kept. */
  stop(id: string): void {
    const record = this.get(id);
    if (record.status === 'queued') {
      this.queue.splice(this.queue.indexOf(record), 1);
      record.finishReason = 'stopped';
      this.setStatus(record, 'stopped');
    } else if (record.job) {
      record.stopRequested = true;
      record.job.stop();
    }
  }

  /** Replace the schedule with `learningRate` from the next batch (null: back to the schedule). */
  setLearningRate(id: string, learningRate: number | null): void {
    if (learningRate !== null && !(Number.isFinite(learningRate) && learningRate > 0)) {
      throw new Error(`setLearningRate: the learning rate must be a finite number > 0, got ${learningRate}`);
    }
    this.active(id, 'change the learning rate of').setLearningRate(learningRate);
  }

  /** Take back the runs of earlier launches (their ids are kept: new runs are numbered after them). */
  adopt(runs: RestoredRun[]): void {
    this.nextId = this.restored.adopt(runs, (id) => this.runs.has(id), this.nextId);
  }

  /**
   * Take in a finished run made elsewhere (an experiment cell, an imported PyTorch run): numbered like this launch's
   * runs, kept like a restored one, and announced with a status event (the workspace then keeps its model file).
   */
  admit(run: UnnumberedRun): RunSummary {
    const id = `run-${this.nextId++}`;
    const summary: RunSummary = { ...run.summary, id };
    this.restored.add({ summary, curves: { ...run.curves, runId: id }, snapshot: run.snapshot });
    this.emit({ type: 'status', runId: id, status: summary.status, summary });
    return summary;
  }

  /** Point restored runs trained on dataset `from` at `to` (the same data, imported again in this launch). */
  rebindDataset(from: string, to: string): void {
    this.restored.rebindDataset(from, to);
  }

  list(): RunSummary[] {
    return [...this.restored.summaries(), ...[...this.runs.values()].map((r) => r.summary())];
  }

  curves(id: string): RunCurves {
    return this.restored.curves(id) ?? this.get(id).curves();
  }

  /** Forget a run (stopping it first if it is active). */
  remove(id: string): void {
    if (this.restored.remove(id)) {
      this.emit({ type: 'removed', runId: id });
      return;
    }
    const record = this.get(id);
    if (record.status === 'queued' || record.job) this.stop(id);
    this.runs.delete(id);
    this.emit({ type: 'removed', runId: id });
  }

  /** The request a run was started with (dataset, architecture, config, split). */
  request(id: string): RunStartRequest {
    return this.get(id).request;
  }

  /** The run's latest weights as a model (after an epoch, a pause or the end; the last finite ones after a NaN). */
  snapshot(id: string): ModelSnapshot {
    return this.restored.snapshot(id) ?? snapshotOf(this.get(id));
  }

  /** Run a float64 gradient check on a worker. */
  async gradientCheck(untrusted: GradientCheckRequest): Promise<GradientCheckResult> {
    const request = parseOrThrow(gradientCheckRequestSchema, untrusted, 'gradient-check request');
    const { datasets } = this.options;
    const prepared = await (datasets.prepareOffThread?.(request.datasetId, request.split).prepared ??
      datasets.prepare(request.datasetId, request.split));
    return runGradientCheck(request, prepared.train, {
      workerPath: this.options.workerPath,
      resourceLimits: workerLimits(this.options),
    });
  }

  onEvent(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop queueing and terminate every worker. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.queue.length = 0;
    const jobs = [...this.runs.values()].flatMap((r) => (r.job ? [r] : []));
    for (const r of jobs) r.stopRequested = true;
    await Promise.all(jobs.map((r) => r.job?.terminate('the run service was disposed')));
    await this.pool?.dispose();
  }

  private get(id: string): RunRecord {
    const record = this.runs.get(id);
    this.restored.refuseControl(id);
    if (!record) throw new Error(`no run with id "${id}"`);
    return record;
  }

  private active(id: string, verb: string): WorkerJob {
    const record = this.get(id);
    if (!record.job || record.stopRequested)
      throw new Error(`cannot ${verb} run "${id}": it is ${record.status}, not running or paused`);
    return record.job;
  }

  /** Start queued runs whose splits are ready while slots are free (in the order they were started). */
  private schedule(): void {
    let active = [...this.runs.values()].filter((r) => r.job !== null).length;
    for (const record of [...this.queue]) {
      if (this.disposed || active >= this.maxConcurrent) return;
      if (!record.prepared) continue;
      this.queue.splice(this.queue.indexOf(record), 1);
      this.launch(record, record.prepared);
      active += 1;
    }
  }

  /** A run's splits arrived from the dataset worker: it can start (unless it was stopped or removed meanwhile). */
  private prepared(record: RunRecord, prepared: PreparedData): void {
    if (record.status !== 'queued' || !this.queue.includes(record)) return;
    const problem = splitProblem(record.request, prepared);
    if (problem) return this.notPrepared(record, new Error(problem));
    record.prepared = prepared;
    this.schedule();
  }

  /** A run's splits could not be made (the worker failed, or they do not fit the request): the run fails, nothing else does. */
  private notPrepared(record: RunRecord, error: unknown): void {
    if (record.status !== 'queued' || !this.queue.includes(record)) return;
    this.queue.splice(this.queue.indexOf(record), 1);
    const failure = preparationFailure(error);
    record.fail(failure);
    this.emit({ type: 'failed', runId: record.id, reason: failure.message, error: failure });
    this.setStatus(record, 'failed');
  }

  private launch(record: RunRecord, prepared: PreparedData): void {
    const job = launchTrainJob(record, prepared, this.options, this.pool, {
      onMessage: (message) => this.receive(record, message),
      onHeartbeatMissed: (silentMs) => this.emit({ type: 'heartbeat-missed', runId: record.id, silentMs }),
    });
    record.job = job;
    this.setStatus(record, 'running');
    void job.exited.then((outcome) => this.ended(record, outcome));
  }

  private receive(record: RunRecord, message: WorkerToMain): void {
    if (message.type === 'checkpoint') {
      const snapshot = snapshotOf(record, message.point.trainer.weights);
      this.options.onCheckpoint?.({ id: record.id, summary: record.summary(), snapshot }, message.point);
    }
    for (const event of record.apply(message)) this.emit(event);
    if (message.type === 'paused') this.setStatus(record, 'paused');
    if (message.type === 'resumed') this.setStatus(record, 'running');
  }

  private ended(record: RunRecord, outcome: JobOutcome): void {
    record.job = null;
    if (outcome.kind === 'failed') {
      const failure = workerFailure(outcome.reason);
      record.fail(failure);
      this.emit({ type: 'failed', runId: record.id, reason: failure.message, error: failure });
      this.setStatus(record, 'failed');
    } else if (outcome.kind === 'terminated' || record.finishReason === 'stopped') {
      record.finishReason = 'stopped';
      this.setStatus(record, 'stopped');
    } else if (record.finishReason === 'nan' && record.nonFinite) {
      record.fail(nonFiniteFailure(record.nonFinite));
      this.setStatus(record, 'failed');
    } else {
      this.setStatus(record, 'done');
    }
    this.schedule();
  }

  private setStatus(record: RunRecord, status: RunSummary['status']): void {
    record.setStatus(status);
    this.emitStatus(record);
  }

  private emitStatus(record: RunRecord): void {
    if (this.runs.has(record.id))
      this.emit({ type: 'status', runId: record.id, status: record.status, summary: record.summary() });
  }

  private emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
