/**
 * The studio's state: the current dataset, the architecture (with undo/redo) and training settings being edited,
 * the runs with their live curves, and the insight views' state. Components read it; every call to the main process goes through `api`.
 */
import { describeError } from './describe-error';
import { AppError } from '../../../shared/errors';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec, type TrainingConfig } from '../../../core/spec';
import type { DatasetSummary, PrepareOptions } from '../../../shared/datasets';
import type { CheckpointSchedule, EpochMetrics, LossPoint, RunEvent, RunSummary } from '../../../shared/runs';
import type { ApiClient } from '../../../shared/api';
import type { FileRef } from '../../../shared/api/app';
import type { ExportFormat } from '../../../shared/model';
import { History } from './history.svelte';
import type { BuiltinName } from '../../../shared/builtin-datasets';
import { ImportWizard } from './import-wizard.svelte';
import { IdxImport, isIdxImagesName } from './idx-import.svelte';
import { modelOfRun, saveModel, exportModel, openModel, type KeptModel } from './model-actions';
import { defaultArchitecture, fitToData, outputsOf } from './presets';
import { InsightState } from '../views/state/insight.svelte';
import { GraphLab } from '../views/graph-lab.svelte';
import { PredictForm } from './predict-form.svelte';
import { FieldProblems } from './field-problems.svelte';
import { Branching } from './branching.svelte';

export { defaultArchitecture, outputsOf } from './presets';

/** Live curves of one run, kept small (the engine downsamples the iteration losses). */
export interface RunCurvesState {
  loss: LossPoint[];
  epochs: EpochMetrics[];
}

export const DEFAULT_SPLIT: PrepareOptions = { validation: 0.2, test: 0, normalize: 'none', seed: 42, stratify: true };

export class Studio {
  dataset = $state<DatasetSummary | null>(null);
  /** The architecture being edited, with undo/redo (Ctrl+Z / Ctrl+Shift+Z). */
  readonly history = new History<ArchitectureSpec>(defaultArchitecture(2, 3));
  config = $state<TrainingConfig>({ ...DEFAULT_TRAINING_CONFIG, epochs: 300, batchSize: 32, learningRate: 0.01 });
  split = $state<PrepareOptions>({ ...DEFAULT_SPLIT });
  runs = $state<RunSummary[]>([]);
  /** Curves per run id; replaced (never mutated) on each update so that charts see a new object. */
  curves = $state.raw<Record<string, RunCurvesState>>({});
  activeRunId = $state<string | null>(null);
  /** Runs drawn together with the active one (the runs table's checkboxes). */
  overlay = $state<string[]>([]);
  error = $state<string | null>(null);
  /** The model last kept, saved or opened; `notice` says what just happened to it. */
  model = $state<KeptModel | null>(null);
  notice = $state<string | null>(null);
  /** The centre tab shown (restored with the workspace). */
  tab = $state('curves');
  /** When new runs keep a checkpoint (every epoch by default). */
  checkpoint = $state<CheckpointSchedule>({ every: 1, unit: 'epochs' });
  /** Branch a run from an epoch; resume an interrupted run. */
  readonly branching = new Branching(this);

  readonly activeRun = $derived(this.runs.find((r) => r.id === this.activeRunId) ?? null);
  readonly isTraining = $derived(this.activeRun?.status === 'running' || this.activeRun?.status === 'queued');
  readonly isPaused = $derived(this.activeRun?.status === 'paused');
  /** The active run first, then the overlaid ones in table order. */
  readonly shownRuns = $derived(
    this.runs
      .filter((r) => r.id === this.activeRunId)
      .concat(this.runs.filter((r) => r.id !== this.activeRunId && this.overlay.includes(r.id))),
  );

  /** The CSV import wizard (open while `importer.file` is set). */
  readonly importer: ImportWizard;
  /** The idx pair being chosen (images first, then labels), when the opened file is an idx images file. */
  readonly idx: IdxImport;
  /** The insight views' inputs and results (Boundary, Confusion, Diagnostics, Gradient check), kept across tab switches. */
  readonly insight: InsightState;
  /** The Graph tab (scalar graph lab and network graph). */
  readonly graphLab = new GraphLab();
  /** The Predict tab's form and last predictions. */
  readonly predict = new PredictForm();
  /** Settings fields holding text that is not a valid value: Train is blocked while any is listed. */
  readonly fieldProblems = new FieldProblems();

  constructor(readonly api: ApiClient) {
    this.importer = new ImportWizard(api);
    this.idx = new IdxImport(api);
    this.insight = new InsightState(api, this);
    api.on('runs.event', (event) => this.applyRunEvent(event));
  }

  get architecture(): ArchitectureSpec {
    return this.history.current;
  }

  set architecture(spec: ArchitectureSpec) {
    this.history.commit(spec);
  }

  /** Make `dataset` current; the architecture's input size, outputs and loss follow it. */
  useDataset(dataset: DatasetSummary): void {
    this.dataset = dataset;
    const fitted = fitToData($state.snapshot(this.architecture), dataset.d, outputsOf(dataset), dataset.task);
    if (JSON.stringify(fitted) !== JSON.stringify($state.snapshot(this.architecture))) this.architecture = fitted;
  }

  /** Pick a dataset file (native dialog, or the browser's picker) and start the import wizard on it. */
  async openDatasetFile(): Promise<void> {
    await this.attempt(async () => {
      const file = await this.api.call('files.open', { purpose: 'dataset' });
      if (file) await this.openDataset(file);
    });
  }

  /** A dropped file: send its bytes to the host, then open it like a picked file. */
  async uploadDatasetFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    await this.attempt(async () => {
      const ref = await this.api.call('files.upload', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      await this.openDataset(ref);
    });
  }

  /** An idx images file (by name) waits for its labels file; anything else goes to the CSV import wizard. */
  private async openDataset(file: FileRef): Promise<void> {
    if (isIdxImagesName(file.name)) return this.idx.start(file);
    this.idx.cancel();
    await this.importer.open(file);
  }

  async loadBuiltin(name: BuiltinName): Promise<void> {
    await this.attempt(async () => this.useDataset(await this.api.call('datasets.builtin', { name })));
  }

  /** Start a new run with the edited settings (others may still be training) and make it the active one. */
  async train(): Promise<void> {
    const dataset = this.dataset;
    if (!dataset || this.fieldProblems.size > 0) return;
    await this.attempt(async () => {
      const summary = await this.api.call('runs.start', {
        datasetId: dataset.id,
        architecture: $state.snapshot(this.architecture),
        config: $state.snapshot(this.config),
        split: $state.snapshot(this.split),
        checkpoint: $state.snapshot(this.checkpoint),
      });
      this.showStartedRun(summary);
    });
  }

  /** A run just started, resumed or branched becomes the active one; its status events that came before this reply win. */
  showStartedRun(summary: RunSummary): void {
    if (!this.runs.some((r) => r.id === summary.id)) this.upsertRun(summary);
    this.curves = { ...this.curves, [summary.id]: this.curves[summary.id] ?? { loss: [], epochs: [] } };
    this.activeRunId = summary.id;
  }

  async control(action: 'pause' | 'resume' | 'stop'): Promise<void> {
    const id = this.activeRunId;
    if (id) await this.attempt(() => this.api.call(`runs.${action}`, { id }));
  }

  async step(unit: 'batch' | 'epoch'): Promise<void> {
    const id = this.activeRunId;
    if (id) await this.attempt(() => this.api.call('runs.step', { id, unit }));
  }

  /** Change the active run's learning rate from its next batch (and the editor's value). */
  async setLearningRate(learningRate: number): Promise<void> {
    const id = this.activeRunId;
    if (id) await this.attempt(() => this.api.call('runs.setLearningRate', { id, learningRate }));
  }

  /** Show a run (fetching its curves if this window has none yet). */
  async selectRun(id: string): Promise<void> {
    this.activeRunId = id;
    await this.ensureCurves(id);
  }

  async toggleOverlay(id: string, on: boolean): Promise<void> {
    const others = this.overlay.filter((x) => x !== id);
    this.overlay = on ? [...others, id] : others;
    if (on) await this.ensureCurves(id);
  }

  /** Put a run's architecture and training config back into the editors (undoable). */
  copyConfig(id: string): void {
    const run = this.runs.find((r) => r.id === id);
    if (!run) return;
    this.architecture = structuredClone($state.snapshot(run.architecture));
    this.config = structuredClone($state.snapshot(run.config));
  }

  async removeRun(id: string): Promise<void> {
    await this.attempt(() => this.api.call('runs.remove', { id }));
  }

  /** Save the active run's latest weights as a model file (Ctrl+S; Save As… always asks where). */
  async saveModel(saveAs: boolean): Promise<void> {
    const run = this.activeRun;
    if (!run) return;
    await this.attempt(async () => {
      this.model = await modelOfRun(this.api, run.id, run.iteration, this.model);
      const name = await saveModel(this.api, this.model, saveAs);
      if (name) this.notice = name;
    });
  }

  /** Export the active run's latest weights or, with no active run, the model last opened or kept. */
  async exportModel(format: ExportFormat): Promise<void> {
    const run = this.activeRun;
    const kept = this.model;
    if (!run && !kept) return;
    await this.attempt(async () => {
      const model = run ? await modelOfRun(this.api, run.id, run.iteration, kept) : kept;
      if (!model) return;
      this.model = model;
      this.notice = await exportModel(this.api, model, format);
    });
  }

  /** Open a model file; its architecture goes into the editor (undoable). */
  async openModel(): Promise<void> {
    await this.attempt(async () => {
      const opened = await openModel(this.api);
      if (!opened) return;
      this.model = opened;
      this.architecture = structuredClone(opened.info.architecture);
      this.notice = opened.info.name;
    });
  }

  /** Fetch a run's curves unless this window has them (a restored run's, or one started in another window). */
  async ensureCurves(id: string): Promise<void> {
    if (this.curves[id]) return;
    await this.attempt(async () => {
      const curves = await this.api.call('runs.curves', { id });
      this.curves = { ...this.curves, [id]: { loss: curves.loss, epochs: curves.epochs } };
    });
  }

  private applyRunEvent(event: RunEvent): void {
    switch (event.type) {
      case 'status':
        this.upsertRun(event.summary);
        return;
      case 'progress': {
        const old = this.curves[event.runId] ?? { loss: [], epochs: [] };
        const loss = event.lossReset ? event.loss : old.loss.concat(event.loss);
        const epochs = event.epochs.length > 0 ? old.epochs.concat(event.epochs) : old.epochs;
        this.curves = { ...this.curves, [event.runId]: { loss, epochs } };
        const run = this.runs.find((r) => r.id === event.runId);
        if (run) {
          run.iteration = event.iteration;
          run.epoch = event.epoch;
          run.totalIterations = event.totalIterations;
          run.samplesPerSecond = event.samplesPerSecond;
          run.etaSeconds = event.etaSeconds;
          run.learningRate = event.learningRate;
          const last = event.epochs.at(-1);
          if (last) {
            run.train = last.train;
            run.validation = last.validation;
          }
        }
        return;
      }
      case 'epoch':
      case 'nan':
      case 'heartbeat-missed':
        return;
      case 'failed':
        this.error = describeError(AppError.fromWire(event.error));
        return;
      case 'removed': {
        this.runs = this.runs.filter((r) => r.id !== event.runId);
        this.overlay = this.overlay.filter((x) => x !== event.runId);
        const { [event.runId]: _removed, ...rest } = this.curves;
        this.curves = rest;
        if (this.activeRunId === event.runId) this.activeRunId = null;
        return;
      }
      default: {
        const unreachable: never = event;
        throw new Error(`unknown run event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private upsertRun(summary: RunSummary): void {
    const index = this.runs.findIndex((r) => r.id === summary.id);
    if (index === -1) this.runs = [...this.runs, summary];
    else this.runs[index] = summary;
  }

  /** Run an API action, showing its error message (what failed and why) instead of throwing. */
  async attempt(action: () => Promise<unknown>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = describeError(error);
    }
  }
}
