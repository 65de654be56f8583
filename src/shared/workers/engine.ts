/** The messages between the main thread and an engine worker: one discriminated union per direction. */
import type { TrainerState } from '../../core/training/trainer-state';
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';
import type { Dataset } from '../../core/datasets/dataset';
import type { GradientCheckReport } from '../../core/index';
import type { NamedTensor, SplitMetrics } from '../model';
import type { EpochMetrics, FinishReason, NonFiniteReport } from '../runs';
import type {
  CellResult,
  ExperimentData,
  ExperimentName,
  ExperimentParams,
  Series,
  TrainedNetwork,
} from '../../core/experiments/experiment';

/** The compute backend a job asks for; 'wasm' falls back to 'reference' where WebAssembly SIMD is missing. */
export type KernelChoice = 'reference' | 'wasm';

/** Early stopping's memory, part of a checkpoint so that a resumed run stops where the original would have. */
export interface EarlyStoppingState {
  /** Best validation loss so far (+Infinity before the first validated epoch). */
  bestValidationLoss: number;
  epochsWithoutImprovement: number;
}

/** What a run continues from: a trainer's complete state and early stopping's memory (see docs/model-format.md). */
export interface ResumePoint {
  trainer: TrainerState;
  earlyStopping: EarlyStoppingState;
}

export interface TrainJob {
  kind: 'train';
  architecture: ArchitectureSpec;
  config: TrainingConfig;
  /** x on a SharedArrayBuffer: structured clone shares it with the worker instead of copying. */
  train: Dataset;
  validation: Dataset | null;
  test: Dataset | null;
  initialState?: NamedTensor[];
  /** Rows of the training set evaluated for the per-epoch train metrics (and after a stop); the final metrics otherwise use every row. */
  trainEvalRows: number;
  /** The compute backend; 'wasm' falls back to 'reference' where WebAssembly SIMD is missing. */
  kernels: KernelChoice;
  /** Memory estimate of the run (sizes the WebAssembly memory). */
  estimatedBytes: number;
  /** Minimum milliseconds between two progress messages (epoch ends and finishing flush earlier). */
  progressIntervalMs: number;
  /** Post a checkpoint after every N-th epoch (null: none). */
  checkpointEvery: number | null;
  /** Or post one at the first epoch end at least this many seconds after the previous one (or the start); ignored with checkpointEvery. */
  checkpointSeconds?: number | null;
  /** Continue from this point instead of the seeded start (a resume, or a branch with edited settings). */
  resumeFrom: ResumePoint | null;
}

export interface GradientCheckJob {
  kind: 'gradcheck';
  architecture: ArchitectureSpec;
  /** `samples` rows drawn with `seed` are checked. */
  data: Dataset;
  samples: number;
  seed: number;
  initialState?: NamedTensor[];
}

/** One cell (independent run) of a chapter-6 experiment; data rows live on SharedArrayBuffers (shared, not copied). */
export interface ExperimentCellJob {
  kind: 'experiment-cell';
  experiment: ExperimentName;
  /** Resolved parameters (defaults filled in and checked). */
  params: ExperimentParams;
  seed: number;
  index: number;
  data: ExperimentData | null;
  kernels: KernelChoice;
  /** Minimum milliseconds between two progress messages. */
  progressIntervalMs: number;
}

export type EngineJob = TrainJob | GradientCheckJob | ExperimentCellJob;

/**
 * A network an experiment cell trained, with the milliseconds it took: from the cell's start (or the end of the
 * cell's previous network) to the end of its training and evaluations, pauses left out. A kept cell run's duration.
 */
export type TimedNetwork = TrainedNetwork & { trainingMs: number };

/** main → worker */
export type MainToWorker = { type: 'start'; job: EngineJob; control: SharedArrayBuffer };

/** worker → main */
export type WorkerToMain =
  | {
      type: 'started';
      kernels: string;
      /** Threads sharing each batch of a training run (data-parallel); absent: 1. */ threads?: number;
    }
  | {
      type: 'progress';
      /** Iteration of losses[0]; losses holds every batch loss since the previous progress message. */
      firstIteration: number;
      losses: Float64Array;
      epoch: number;
      iteration: number;
      batchesPerEpoch: number;
      learningRate: number;
      /** Training samples per second over the time spent training (pauses excluded). */
      samplesPerSecond: number;
      /** Epochs that ended since the previous progress message. */
      epochs: EpochMetrics[];
      /** The weights after the last of those epochs; null when no epoch ended. */
      state: NamedTensor[] | null;
    }
  | { type: 'paused'; epoch: number; iteration: number; state: NamedTensor[] }
  | { type: 'resumed' }
  | { type: 'nan'; report: NonFiniteReport }
  | {
      type: 'finished';
      reason: FinishReason;
      epoch: number;
      iteration: number;
      samplesPerSecond: number;
      state: NamedTensor[];
      metrics: { train: SplitMetrics; validation: SplitMetrics | null; test: SplitMetrics | null };
    }
  /** A checkpoint at the end of an epoch (copies: the worker trains on while main writes it). */
  | { type: 'checkpoint'; point: ResumePoint }
  | { type: 'gradcheck'; report: GradientCheckReport }
  | { type: 'cell-progress'; done: number; total: number; series: Series[] }
  /** A finished cell; `trained`: the networks it trained (none for the synthetic experiments), kept on main for "Add to runs". */
  | { type: 'cell'; result: CellResult; trained: TimedNetwork[] }
  | { type: 'error'; message: string };
