/** The run service's JSON-safe types, as the hosts and the renderer see them: start request (schema-first), status, summary, events, curves, gradient checks. */
import { z } from 'zod';
import type { ArchitectureSpec, TrainingConfig } from '../core/spec';
import type { ParamCheck } from '../core/gradcheck/summary';
import type { WireError } from './errors';
import { namedTensorSchema, type ModelSnapshot, type SplitMetrics } from './model';
import type { PrepareOptions } from '../core/datasets/prepare';
import { architectureSchema, LIMITS, prepareOptionsSchema, seedSchema, trainingConfigSchema } from './spec';

/** One point of a loss curve: [iteration of the bucket's last batch, mean loss of the bucket]. */
export type LossPoint = [number, number];

/** One epoch's metrics; validation is null without a validation split. */
export interface EpochMetrics {
  epoch: number;
  train: SplitMetrics;
  validation: SplitMetrics | null;
}

/** Why a training job ended normally. */
export type FinishReason = 'completed' | 'stopped' | 'early-stopped' | 'nan';

/** Where the first NaN/±Infinity was found (the Trainer's report plus the position in the run). */
export interface NonFiniteReport {
  /** 0-based epoch. */
  epoch: number;
  /** 1-based batch within the epoch (as the Trainer counts). */
  batch: number;
  iteration: number;
  where: 'loss' | 'gradient' | 'weight';
  /** 0-based index into the architecture's layers (a person reads layerNumber(layer), 1-based); null for the loss. */
  layer: number | null;
  parameter: string | null;
}

const datasetId = z.string().min(1).max(64);

/** When a run keeps a checkpoint: after every N-th epoch, or at the first epoch end N seconds after the last one. */
export const checkpointScheduleSchema = z.strictObject({
  every: z.int().min(1).max(1_000_000),
  unit: z.enum(['epochs', 'seconds']),
});
export type CheckpointSchedule = z.infer<typeof checkpointScheduleSchema>;

/** Everything that decides a run, validated at the boundary. initialState: start from these weights (e.g. a loaded model) instead of the seeded initialisation. */
export const runStartRequestSchema = z.strictObject({
  datasetId,
  architecture: architectureSchema,
  config: trainingConfigSchema,
  split: prepareOptionsSchema,
  name: z.string().min(1).max(200).optional(),
  initialState: z.array(namedTensorSchema).max(1000).optional(),
  /** Default: the host's (every epoch in the app). */
  checkpoint: checkpointScheduleSchema.optional(),
});
export type RunStartRequest = z.infer<typeof runStartRequestSchema>;

/** A gradient check on `samples` rows (drawn with `seed`) of a dataset's training split; the network is seeded with `seed` too. */
export const gradientCheckRequestSchema = z.strictObject({
  datasetId,
  architecture: architectureSchema,
  split: prepareOptionsSchema,
  samples: z.number().int().min(1).max(LIMITS.samples),
  seed: seedSchema,
  initialState: z.array(namedTensorSchema).max(1000).optional(),
});
export type GradientCheckRequest = z.infer<typeof gradientCheckRequestSchema>;

/**
 * Branch run `id` from its checkpoint at epoch `epoch` (the nearest kept checkpoint at or before it is used) with
 * edited settings: `config` and `architecture` replace the parent's, where only what a checkpoint can continue with
 * may differ (not the seed, the precision or the layers; Dropout ratios may). `config.epochs` stays the total.
 */
export const runBranchRequestSchema = z.strictObject({
  id: z.string().min(1).max(64),
  epoch: z.int().min(1).max(1_000_000),
  config: trainingConfigSchema,
  architecture: architectureSchema,
  checkpoint: checkpointScheduleSchema.optional(),
});
export type RunBranchRequest = z.infer<typeof runBranchRequestSchema>;

/** 'interrupted': a run that was active when the app or its host ended (restored from the workspace; resumable). */
export type RunStatus = 'queued' | 'running' | 'paused' | 'done' | 'stopped' | 'failed' | 'interrupted';

/** Where a branch came from: its parent run and the parent's checkpoint it started from (after `epoch` epochs, `iteration` batches). */
export interface RunParent {
  runId: string;
  epoch: number;
  iteration: number;
}

export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  /** Why the run ended: completed, stopped, early-stopped or nan (null while it has not ended, or when it failed). */
  finishReason: FinishReason | null;
  /** Set when status is 'failed': the English sentence (kept for older readers; the page words `failure`). */
  failureReason: string | null;
  /**
   * Set when status is 'failed': code and params for the catalogs — run-non-finite { epoch (1-based), batch, iteration,
   * where, layer, parameter }, run-failed { reason }, dataset-prepare { dataset, reason }. Absent in runs saved by older versions.
   */
  failure?: WireError | null;
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
  /** Set for a branch (absent in runs saved before branching existed). */
  parent?: RunParent | null;
  /** How the data was split (absent in runs saved before it was recorded: those cannot be branched). */
  split?: PrepareOptions;
}

/** A run of an earlier launch, given back to the run service by the workspace: what it was, its curves, its weights. */
export interface RestoredRun {
  summary: RunSummary;
  curves: RunCurves;
  /** Its final (or last finite) weights, read back from its model file; null when it ended without any. */
  snapshot: ModelSnapshot | null;
}

/** A finished run made elsewhere (an experiment cell, an imported PyTorch run) before the run service numbers it. */
export interface UnnumberedRun {
  summary: Omit<RunSummary, 'id'>;
  curves: Omit<RunCurves, 'runId'>;
  snapshot: ModelSnapshot | null;
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
  /** A run's worker or its split failed; `reason` is the English sentence, `error` its code and params. */
  | { type: 'failed'; runId: string; reason: string; error: WireError }
  | { type: 'heartbeat-missed'; runId: string; silentMs: number }
  | { type: 'removed'; runId: string };

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
