/** Runs chapter-6 experiments: each cell on its own engine worker, up to `concurrency` at once, cancellable and pausable, with shared progress. */
import { EXPERIMENTS } from '../../../core/experiments/registry';
import { resolveParams } from '../../../core/experiments/params';
import type { ExperimentData } from '../../../core/experiments/experiment';
import type { ExperimentEvent, ExperimentInfo, ExperimentStartRequest, ExperimentState } from '../../../shared/api/experiments';
import { WorkerJob, type JobOutcome } from '../../engine/worker-job';
import type { KernelChoice } from '../../engine/kernels';
import type { WorkerToMain } from '../../../shared/workers/engine';
import { prepareExperimentData } from '../../../core/experiments/experiment-data';
import { Listeners } from '../listeners';
import type { DatasetService } from '../datasets/service';
import { DEFAULT_EXPERIMENT_SOURCE, loadExperimentData } from './data';

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
}

/** One experiment's mutable state on the main thread. */
interface Entry {
  state: ExperimentState;
  data: ExperimentData | null;
  queue: number[];
  active: Map<number, WorkerJob>;
  /** Per running cell: fraction done. */
  partial: Map<number, number>;
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
    const def = EXPERIMENTS[request.name];
    const params = resolveParams(def.name, def.params, request.params);
    let data: ExperimentData | null = null;
    let dataset: string | null = null;
    if (def.needsData) {
      if (preloaded) {
        data = preloaded.data;
        dataset = preloaded.name;
      } else if (request.datasetId !== undefined) {
        if (!this.options.datasets) throw new Error('experiments: no dataset service');
        const stored = this.options.datasets.get(request.datasetId);
        data = prepareExperimentData(stored.dataset, stored.publishedTest, request.seed);
        dataset = stored.summary.name;
      } else {
        data = await loadExperimentData(DEFAULT_EXPERIMENT_SOURCE, request.seed, undefined, {
          resourcesDir: this.options.resourcesDir,
        });
        dataset = 'Digits';
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
      startedAt: this.now(),
      ended,
      resolveEnded,
    };
    this.entries.set(id, entry);
    this.pump(entry);
    return structuredClone(state);
  }

  get(id: string): ExperimentState {
    return structuredClone(this.entry(id).state);
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
    if (!e) throw new Error(`no experiment with id "${id}"`);
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
