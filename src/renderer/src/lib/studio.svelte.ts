/**
 * The studio's state: the current dataset, the architecture and training settings being edited, and the
 * runs with their live curves. Components read it; every change to the main process goes through `api`.
 */
import type { ArchitectureSpec, TrainingConfig } from '../../../core/spec';
import { DEFAULT_TRAINING_CONFIG } from '../../../core/spec';
import type { DatasetSummary, EpochMetrics, LossPoint, PrepareOptions, RunEvent, RunSummary } from '../../../shared/types';
import type { ApiClient } from '../../../shared/api';

/** Live curves of one run, kept small (the engine downsamples the iteration losses). */
export interface RunCurvesState {
  loss: LossPoint[];
  epochs: EpochMetrics[];
}

/** The default network for 2-D data: 2 → Affine 16 → ReLU → Affine 16 → ReLU → Affine C → SoftmaxWithLoss. */
export function defaultArchitecture(inputSize: number, classes: number): ArchitectureSpec {
  return {
    inputSize,
    layers: [
      { type: 'Affine', units: 16 },
      { type: 'Relu' },
      { type: 'Affine', units: 16 },
      { type: 'Relu' },
      { type: 'Affine', units: classes },
      { type: 'SoftmaxWithLoss' },
    ],
  };
}

export const DEFAULT_SPLIT: PrepareOptions = { validation: 0.2, test: 0, normalize: 'none', seed: 42, stratify: true };

export class Studio {
  dataset = $state<DatasetSummary | null>(null);
  architecture = $state<ArchitectureSpec>(defaultArchitecture(2, 3));
  config = $state<TrainingConfig>({ ...DEFAULT_TRAINING_CONFIG, epochs: 300, batchSize: 32, learningRate: 0.01 });
  split = $state<PrepareOptions>({ ...DEFAULT_SPLIT });
  runs = $state<RunSummary[]>([]);
  curves = $state<Record<string, RunCurvesState>>({});
  activeRunId = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly activeRun = $derived(this.runs.find((r) => r.id === this.activeRunId) ?? null);
  readonly isTraining = $derived(this.activeRun?.status === 'running' || this.activeRun?.status === 'queued');
  readonly isPaused = $derived(this.activeRun?.status === 'paused');

  constructor(private readonly api: ApiClient) {
    api.on('runs.event', (event) => this.applyRunEvent(event));
  }

  /** Load the built-in spiral and the default architecture (what the app opens with). */
  async openDefault(): Promise<void> {
    await this.run(async () => {
      const dataset = await this.api.call('datasets.builtin', { name: 'spiral' });
      this.dataset = dataset;
      this.architecture = defaultArchitecture(dataset.d, Math.max(dataset.classNames.length, 1));
      this.runs = await this.api.call('runs.list', {});
    });
  }

  async train(): Promise<void> {
    const dataset = this.dataset;
    if (!dataset) return;
    await this.run(async () => {
      const summary = await this.api.call('runs.start', {
        datasetId: dataset.id,
        architecture: $state.snapshot(this.architecture),
        config: $state.snapshot(this.config),
        split: $state.snapshot(this.split),
      });
      this.upsertRun(summary);
      this.curves[summary.id] = { loss: [], epochs: [] };
      this.activeRunId = summary.id;
    });
  }

  async control(action: 'pause' | 'resume' | 'stop'): Promise<void> {
    const id = this.activeRunId;
    if (!id) return;
    await this.run(() => this.api.call(`runs.${action}`, { id }));
  }

  async step(unit: 'batch' | 'epoch'): Promise<void> {
    const id = this.activeRunId;
    if (!id) return;
    await this.run(() => this.api.call('runs.step', { id, unit }));
  }

  private applyRunEvent(event: RunEvent): void {
    switch (event.type) {
      case 'status':
        this.upsertRun(event.summary);
        return;
      case 'progress': {
        const curves = (this.curves[event.runId] ??= { loss: [], epochs: [] });
        curves.loss = event.lossReset ? event.loss : [...curves.loss, ...event.loss];
        if (event.epochs.length > 0) curves.epochs = [...curves.epochs, ...event.epochs];
        const run = this.runs.find((r) => r.id === event.runId);
        if (run) {
          run.iteration = event.iteration;
          run.epoch = event.epoch;
          run.totalIterations = event.totalIterations;
          run.samplesPerSecond = event.samplesPerSecond;
          run.etaSeconds = event.etaSeconds;
          run.learningRate = event.learningRate;
        }
        return;
      }
      case 'epoch':
      case 'nan':
      case 'heartbeat-missed':
        return;
      case 'failed':
        this.error = `Run failed: ${event.reason}`;
        return;
      case 'removed':
        this.runs = this.runs.filter((r) => r.id !== event.runId);
        delete this.curves[event.runId];
        return;
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

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
