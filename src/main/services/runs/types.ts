/** The run service's JSON-safe types: start request, status, summary, events and curves, as the hosts and the renderer see them. */
import type { ArchitectureSpec, TrainingConfig } from '../../../core/spec';
import type { ParamCheck } from '../../../core/gradcheck/summary';
import type { NamedTensor, SplitMetrics } from '../../../shared/model';
import type { PrepareOptions } from '../datasets/types';
import type { EpochMetrics, FinishReason, NonFiniteReport } from '../../engine/messages';
import type { LossPoint } from '../../engine/loss-curve';

export type { EpochMetrics, FinishReason, NonFiniteReport, LossPoint };
export { runStartRequestSchema, gradientCheckRequestSchema } from './schema';

/** Everything that decides a run; validated with runStartRequestSchema at the boundary. */
export interface RunStartRequest {
  datasetId: string;
  architecture: ArchitectureSpec;
  config: TrainingConfig;
  split: PrepareOptions;
  name?: string;
  /** Start from these weights (e.g. a loaded model) instead of the seeded initialisation. */
  initialState?: NamedTensor[];
}

export type RunStatus = 'queued' | 'running' | 'paused' | 'done' | 'stopped' | 'failed';

export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  /** Why the run ended: completed, stopped, early-stopped or nan (null while it has not ended, or when it failed). */
  finishReason: FinishReason | null;
  /** Set when status is 'failed'. */
  failureReason: string | null;
  /** Where the first NaN/±Infinity appeared, when one stopped the run. */
  nonFinite: NonFiniteReport | null;
  datasetId: string;
  architecture: ArchitectureSpec;
  config: TrainingConfig;
  /** ISO 8601. */
  createdAt: string;
  /** Time spent running (queued and finished time excluded). */
  durationMs: number;
  /** 0-based epoch of the last batch. */
  epoch: number;
  /** Batches trained so far. */
  iteration: number;
  totalIterations: number | null;
  learningRate: number;
  bestValidationAccuracy: number | null;
  train: SplitMetrics | null;
  validation: SplitMetrics | null;
  /** Only after the run ended, when a test split exists. */
  test: SplitMetrics | null;
  samplesPerSecond: number;
  etaSeconds: number | null;
  /** The worker's compute backend, e.g. "reference" or "wasm-simd" (null until it started). */
  kernels: string | null;
}

/** Everything needed to redraw a run's charts. */
export interface RunCurves {
  runId: string;
  /** Downsampled [iteration, mean loss] points (at most 2,000). */
  loss: LossPoint[];
  /** Iterations averaged into each loss point. */
  iterationsPerPoint: number;
  epochs: EpochMetrics[];
}

export type RunEvent =
  | { type: 'status'; runId: string; status: RunStatus; summary: RunSummary }
  | {
      type: 'progress';
      runId: string;
      epoch: number;
      iteration: number;
      totalIterations: number | null;
      /** New loss points to append; when `lossReset`, they replace the whole series (it was merged). */
      loss: LossPoint[];
      lossReset: boolean;
      samplesPerSecond: number;
      etaSeconds: number | null;
      learningRate: number;
      /** Epochs that ended since the previous progress event (several when epochs are shorter than the throttle interval). */
      epochs: EpochMetrics[];
    }
  /** The latest epoch's metrics, at most once per progress event (progress.epochs lists every epoch). */
  | { type: 'epoch'; runId: string; epoch: number; train: SplitMetrics; validation: SplitMetrics | null }
  | { type: 'nan'; runId: string; report: NonFiniteReport }
  | { type: 'failed'; runId: string; reason: string }
  | { type: 'heartbeat-missed'; runId: string; silentMs: number }
  | { type: 'removed'; runId: string };

/** A gradient check on `samples` rows (drawn with `seed`) of a dataset's training split; the network is seeded with `seed` too. */
export interface GradientCheckRequest {
  datasetId: string;
  architecture: ArchitectureSpec;
  split: PrepareOptions;
  samples: number;
  seed: number;
  initialState?: NamedTensor[];
}

/**
 * One parameter's check as it crosses a process boundary: core's ParamCheck (statistics plus the per-element
 * Float64Arrays for plotting, which survive structured clone) with the kink mask given as element indices.
 */
export type ParamCheckResult = Omit<ParamCheck, 'kink'> & {
  /** Indices of the elements whose check straddled a kink (e.g. ReLU at 0). */
  kinkIndices: number[];
};

export interface GradientCheckResult {
  params: ParamCheckResult[];
  pass: boolean;
  h: number;
  thresholds: { maxRel: number; meanAbs: number };
  samples: number;
}
