/** Runs chapter-6 experiments: each cell on its own engine worker, up to `concurrency` at once, cancellable and pausable, with shared progress. */
import { EXPERIMENTS } from '../../../core/experiments/registry';
import { ExperimentParamError, resolveParams } from '../../../core/experiments/params';
import { EXPERIMENT_NAMES, type ExperimentData } from '../../../core/experiments/experiment';
import type { ExperimentEvent, ExperimentInfo, ExperimentStartRequest, ExperimentState } from '../../../shared/api/experiments';
import { WorkerJob, type JobOutcome } from '../../engine/worker-job';
import type { KernelChoice } from '../../engine/kernels';
import type { TimedNetwork, WorkerToMain } from '../../../shared/workers/engine';
import { Listeners } from '../listeners';
import type { DatasetService } from '../datasets/service';
import type { RunSummary, UnnumberedRun } from '../../../shared/runs';
import { resolveExperimentData } from './data';
import { cellRun } from './cell-run';
import { cellUnavailable, experimentNotFound, parameterError, unknownExperiment } from './errors';

/** Experiments whose trained networks stay available for "Add to runs" (older ones release theirs). */
const KEEP_TRAINED = 2;

export interface ExperimentServiceOptions {
  /** The built engine worker (out/main/engine-worker.js). */
  workerPath: string;
  datasets?: DatasetService;
  /** Folder holding datasets/digits.csv.gz (default: found by walking up). */
  resourcesDir?: string;
  /** Cells run at once (default 1); the app passes the number of cores. */
  concurrency?: number;
  kernels?: KernelChoice;
  /** Milliseconds between two progress messages of a cell (default 100). */
  progressIntervalMs?: number;
  /** Clock for the ETA, in milliseconds (default performance.now). */
  now?: () => number;
  /** Where "Add to runs" puts a trained cell (the run service); absent in the CLI. */
  runs?: { admit(run: UnnumberedRun): RunSummary };
}

/** One experiment's mutable state on the main thread. */
interface Entry {
  state: ExperimentState;
  data: ExperimentData | null;
  queue: number[];
  active: Map<number, WorkerJob>;
  /** Per running cell: fraction done. */
  partial: Map<number, number>;
  /** Per finished cell: the network it trained (until a newer experiment releases it). */
  trained: Map<number, TimedNetwork> | null;
  /** The stored dataset's id ('' for the built-in digits). */
  datasetId: string;
  startedAt: number;
  /** Resolves once the experiment has ended and its last worker has exited. */
  ended: Promise<void>;
  resolveEnded: () => void;
}

export class ExperimentService {
  private readonly entries = new Map<string, Entry>();
  private readonly events = new Listeners<ExperimentEvent>();
  private nextId = 1;
  private readonly concurrency: number;
  private readonly now: () => number;

  constructor(private readonly options: ExperimentServiceOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.now = options.now ?? (() => performance.now());
  }

  list(): ExperimentInfo[] {
    return Object.values(EXPERIMENTS).map((d) => ({ name: d.name, needsData: d.needsData, params: [...d.params] }));
  }

  onEvent(listener: (e: ExperimentEvent) => void): () => void {
    return this.events.on(listener);
  }

  /**
   * Check the parameters, load the data (a stored dataset or builtin:digits), and start the first cells.
   * `preloaded` (the CLI's --data, already split) is used instead when given.
   */
  async start(request: ExperimentStartRequest, preloaded?: { name: string; data: ExperimentData }): Promise<ExperimentState> {
    const def = Object.hasOwn(EXPERIMENTS, request.name) ? EXPERIMENTS[request.name] : undefined;
    if (!def) throw unknownExperiment(request.name, EXPERIMENT_NAMES);
    let params: ExperimentState['params'];
    try {
      params = resolveParams(def.name, def.params, request.params);
    } catch (error) {
      throw error instanceof ExperimentParamError ? parameterError(error) : error;
    }
    let data: ExperimentData | null = null;
    let dataset: string | null = null;
    let datasetId = '';
    if (def.needsData) {
      if (preloaded) {
        data = preloaded.data;
        dataset = preloaded.name;
      } else {
        const resolved = await resolveExperimentData(request, this.options.datasets, this.options.resourcesDir);
        ({ data, name: dataset, datasetId } = resolved);
      }
    }
    const cells = def.cells(params);
    const id = `x${this.nextId++}`;
    const state: ExperimentState = {
      id,
      name: def.name,
      seed: request.seed,
      params,
      dataset,
      status: 'running',
      cells,
      results: cells.map(() => null),
      progress: 0,
      etaSeconds: null,
      concurrency: this.concurrency,
      summary: null,
      error: null,
    };
    let resolveEnded = (): void => {};
    const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
    const entry: Entry = {
      state,
      data,
      queue: cells.map((_, i) => i),
      active: new Map(),
      partial: new Map(),
      trained: new Map(),
      datasetId,
      startedAt: this.now(),
      ended,
      resolveEnded,
    };
    this.entries.set(id, entry);
    [...this.entries.values()].slice(0, -KEEP_TRAINED).forEach((older) => (older.trained = null));
    this.pump(entry);
    return structuredClone(state);
  }

  get(id: string): ExperimentState {
    return structuredClone(this.entry(id).state);
  }

  /** "Add to runs": cell `index` of experiment `id` (finished, with its trained network) becomes a run of the history, named `name` when given. */
  addRun(id: string, index: number, name?: string): RunSummary {
    const e = this.entry(id);
    const label = e.state.cells[index];
    if (label === undefined) throw cellUnavailable(`#${index + 1}`, 'unfinished');
    if (!e.state.results[index]) throw cellUnavailable(label, 'unfinished');
    if (!e.data) throw cellUnavailable(label, 'untrained');
    if (!e.trained) throw cellUnavailable(label, 'released');
    const trained = e.trained.get(index);
    if (!trained) throw cellUnavailable(label, 'untrained');
    if (!this.options.runs) throw new Error('experiments: no run service to add runs to');
    const run = cellRun({
      experiment: e.state.name,
      label,
      trained,
      data: e.data,
      datasetId: e.datasetId,
      createdAt: new Date().toISOString(),
    });
    if (name !== undefined) run.summary.name = name;
    return this.options.runs.admit(run);
  }

  pause(id: string): void {
    const e = this.entry(id);
    if (e.state.status !== 'running') return;
    e.active.forEach((job) => job.pause());
    this.setStatus(e, 'paused');
  }

  resume(id: string): void {
    const e = this.entry(id);
    if (e.state.status !== 'paused') return;
    e.active.forEach((job) => job.resume());
    this.setStatus(e, 'running');
    this.pump(e);
  }

  cancel(id: string): void {
    const e = this.entry(id);
    if (e.state.status !== 'running' && e.state.status !== 'paused') return;
    e.queue = [];
    e.active.forEach((job) => job.stop());
    this.setStatus(e, 'cancelled');
    if (e.active.size === 0) e.resolveEnded();
  }

  /** Resolves when the experiment has ended (completed, cancelled or failed) and its workers have exited. */
  async settled(id: string): Promise<ExperimentState> {
    await this.entry(id).ended;
    return this.get(id);
  }

  async dispose(): Promise<void> {
    const jobs = [...this.entries.values()].flatMap((e) => [...e.active.values()]);
    await Promise.all(jobs.map((j) => j.terminate('the app is closing')));
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw experimentNotFound(id);
    return e;
  }

  private setStatus(e: Entry, status: ExperimentState['status']): void {
    e.state.status = status;
    this.events.emit({ type: 'state', state: structuredClone(e.state) });
  }

  /** Start queued cells while fewer than `concurrency` run. */
  private pump(e: Entry): void {
    while (e.state.status === 'running' && e.active.size < this.concurrency && e.queue.length > 0) {
      const index = e.queue.shift() as number;
      const job = new WorkerJob({
        workerPath: this.options.workerPath,
        job: {
          kind: 'experiment-cell',
          experiment: e.state.name,
          params: e.state.params,
          seed: e.state.seed,
          index,
          data: e.data,
          kernels: this.options.kernels ?? 'wasm',
          progressIntervalMs: this.options.progressIntervalMs ?? 100,
        },
        onMessage: (m) => this.receive(e, index, m),
      });
      e.active.set(index, job);
      void job.exited.then((outcome) => this.exited(e, index, outcome));
    }
  }

  private receive(e: Entry, index: number, m: WorkerToMain): void {
    if (m.type === 'cell-progress') {
      e.partial.set(index, m.total > 0 ? m.done / m.total : 0);
      this.updateProgress(e);
      this.events.emit({
        type: 'cell-progress',
        id: e.state.id,
        index,
        done: m.done,
        total: m.total,
        series: m.series,
        progress: e.state.progress,
        etaSeconds: e.state.etaSeconds,
      });
    } else if (m.type === 'cell') {
      e.state.results[index] = m.result;
      const trained = m.trained.at(-1);
      if (trained && e.trained) e.trained.set(index, trained);
      e.partial.delete(index);
      this.updateProgress(e);
      this.events.emit({ type: 'cell', id: e.state.id, result: m.result });
    }
  }

  private exited(e: Entry, index: number, outcome: JobOutcome): void {
    e.active.delete(index);
    e.partial.delete(index);
    if (e.state.status === 'cancelled' || e.state.status === 'failed') {
      if (e.active.size === 0) e.resolveEnded();
      return;
    }
    if (outcome.kind !== 'finished') {
      e.queue = [];
      e.active.forEach((job) => job.stop());
      e.state.error = { code: 'cell-failed', subject: e.state.cells[index], detail: outcome.reason };
      this.setStatus(e, 'failed');
      if (e.active.size === 0) e.resolveEnded();
      return;
    }
    if (e.queue.length === 0 && e.active.size === 0) {
      const results = e.state.results.filter((r) => r !== null);
      e.state.summary = EXPERIMENTS[e.state.name].summarize(e.state.params, results);
      e.state.progress = 1;
      e.state.etaSeconds = 0;
      this.setStatus(e, 'completed');
      e.resolveEnded();
      return;
    }
    this.pump(e);
  }

  /** Progress over every cell (finished ones count 1, running ones their fraction) and the ETA at the pace so far. */
  private updateProgress(e: Entry): void {
    const finished = e.state.results.filter((r) => r !== null).length;
    let running = 0;
    e.partial.forEach((f) => (running += f));
    const progress = (finished + running) / e.state.cells.length;
    const elapsed = (this.now() - e.startedAt) / 1000;
    e.state.progress = progress;
    e.state.etaSeconds = progress > 0 ? (elapsed / progress) * (1 - progress) : null;
  }
}
