/** The Experiments tab's state: the chosen preset and its parameters, the running experiment, and each cell's live series. */
import type { ApiClient } from '../../../shared/api';
import type {
  CellResult,
  ExperimentEvent,
  ExperimentInfo,
  ExperimentName,
  ExperimentState,
  Series,
} from '../../../shared/api/experiments';

export class ExperimentLab {
  infos = $state<ExperimentInfo[]>([]);
  name = $state<ExperimentName>('optimizer-paths');
  /** The parameters being edited for `name`. */
  params = $state<Record<string, number>>({});
  seed = $state(42);
  /** The experiment started last (null before the first run or after switching preset). */
  current = $state<ExperimentState | null>(null);
  /** Per cell: the latest series (partial while running, final once done). */
  live = $state<(Series[] | null)[]>([]);
  /** The error of the call that failed (an AppError with its code: the tab words it from the catalogs), else null. */
  failure = $state<unknown>(null);
  /** The run "Add to runs" made last (its name), for the tab's confirmation. */
  added = $state<string | null>(null);
  /** Events for an experiment whose start reply has not arrived yet, replayed once it does. */
  private early: ExperimentEvent[] = [];
  private starting = false;

  constructor(private readonly api: ApiClient) {}

  get info(): ExperimentInfo | undefined {
    return this.infos.find((i) => i.name === this.name);
  }

  get running(): boolean {
    return this.current?.status === 'running' || this.current?.status === 'paused';
  }

  /** Fetch the presets and subscribe to the experiments' events; returns the unsubscribe function. */
  async load(): Promise<() => void> {
    const off = this.api.on('experiments.event', (e) => this.apply(e));
    this.infos = await this.api.call('experiments.list', {});
    this.select(this.name);
    return off;
  }

  select(name: ExperimentName): void {
    this.name = name;
    this.params = Object.fromEntries((this.info?.params ?? []).map((p) => [p.key, p.default]));
    if (!this.running) {
      this.current = null;
      this.live = [];
    }
  }

  resetParams(): void {
    this.select(this.name);
  }

  /** Start the chosen experiment (on `datasetId` when given, else builtin:digits). */
  async run(datasetId?: string): Promise<void> {
    this.failure = null;
    this.added = null;
    this.starting = true;
    this.early = [];
    try {
      const state = await this.api.call('experiments.start', {
        name: this.name,
        params: { ...this.params },
        seed: this.seed,
        datasetId,
      });
      this.current = state;
      this.live = state.cells.map(() => null);
      for (const e of this.early) this.apply(e);
    } catch (error) {
      this.failure = error;
    } finally {
      this.starting = false;
      this.early = [];
    }
  }

  /**
   * "Add to runs": cell `index` of the current experiment becomes a run of the history (it reaches the runs table by
   * its event), named `name` (the tab words it in the current language).
   */
  async addRun(index: number, name?: string): Promise<void> {
    if (!this.current) return;
    this.failure = null;
    this.added = null;
    try {
      this.added = (await this.api.call('experiments.addRun', { id: this.current.id, index, name })).name;
    } catch (error) {
      this.failure = error;
    }
  }

  async control(action: 'cancel' | 'pause' | 'resume'): Promise<void> {
    if (!this.current) return;
    await this.api.call(`experiments.${action}`, { id: this.current.id });
  }

  private apply(e: ExperimentEvent): void {
    const id = e.type === 'state' ? e.state.id : e.id;
    const current = this.current;
    if (!current || current.id !== id) {
      if (this.starting) this.early.push(e);
      return;
    }
    switch (e.type) {
      case 'cell-progress':
        if (current.results[e.index] === null) this.live[e.index] = e.series;
        current.progress = e.progress;
        current.etaSeconds = e.etaSeconds;
        return;
      case 'cell':
        this.finishCell(current, e.result);
        return;
      case 'state':
        this.current = e.state;
        e.state.results.forEach((r) => r && (this.live[r.index] = r.series));
        return;
      default: {
        const unknown: never = e;
        throw new Error(`unknown experiment event ${JSON.stringify(unknown)}`);
      }
    }
  }

  private finishCell(current: ExperimentState, result: CellResult): void {
    current.results[result.index] = result;
    this.live[result.index] = result.series;
  }
}
