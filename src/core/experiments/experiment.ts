/** The contract of a chapter-6 experiment: editable numeric parameters, independent cells (runs), and a summary of their results. */
import type { Dataset, Normalization } from '../datasets/dataset';
import type { Kernels } from '../kernels/kernels';
import type { NamedTensor } from '../param';
import type { ArchitectureSpec, TrainingConfig } from '../spec';

export const EXPERIMENT_NAMES = [
  'optimizer-paths',
  'optimizer-comparison',
  'init-activations',
  'init-training',
  'batchnorm-grid',
  'overfitting',
  'hyperparameter-search',
] as const;
export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];

/** Every parameter of an experiment is a number (learning rates, sizes, counts), keyed by name. */
export type ExperimentParams = Record<string, number>;

/** One editable parameter: its default and the range a value must lie in. */
export interface ParamDef {
  key: string;
  default: number;
  min: number;
  max: number;
  integer: boolean;
}

/**
 * One drawn series of a cell: a curve (x = iteration or epoch, y = loss or accuracy), a path (x, y in the plane)
 * or a histogram (x = left bin edges, y = counts).
 */
export interface Series {
  name: string;
  kind: 'curve' | 'path' | 'histogram';
  x: number[];
  y: number[];
}

/** What one cell (one independent run) produced: its series and the scalar figures its test and the UI read. */
export interface CellResult {
  index: number;
  label: string;
  series: Series[];
  figures: Record<string, number>;
}

/** Training and test rows, already normalized (the experiments take their own subsets). */
export interface ExperimentData {
  train: Dataset;
  test: Dataset;
  /** The scaling fitted on the training rows (what a model of a cell must apply to raw features). */
  normalization: Normalization;
}

/** A network a cell trained, as it ended: enough to keep it as a run (curves, settings, weights). */
export interface TrainedNetwork {
  spec: ArchitectureSpec;
  /** The full training config it trained with. */
  config: TrainingConfig;
  /** The final weights (Sequential.exportState). */
  state: NamedTensor[];
  /** Training loss of every iteration. */
  losses: number[];
  /** Loss and accuracy (inference mode) per evaluated set name ('train', 'validation', 'test'), one per finished epoch. */
  metrics: Record<string, { loss: number; accuracy: number | null }[]>;
  /** The evaluated sets' sizes, by name. */
  rows: Record<string, number>;
  /** Rows trained on: every batch's rows summed over the iterations (an epoch's last batch may be short). */
  samples: number;
}

/** What a running cell reports and asks: progress in its own units, and whether to stop (cancel) now. */
export interface CellHooks {
  /** Called once per network a cell has finished training (so that a host can keep it as a run). */
  onTrained?(network: TrainedNetwork): void;
  /** Called with done/total units (iterations, steps, layers) and the series so far. */
  onProgress?(done: number, total: number, partial: Series[]): void;
  /** Polled between batches; true makes the cell throw ExperimentCancelled. */
  shouldStop?(): boolean;
}

export interface CellContext {
  params: ExperimentParams;
  seed: number;
  /** Required when the definition's needsData is true. */
  data: ExperimentData | null;
  /** Kernels for the networks (default: core's reference kernels). */
  kernels?: Kernels;
  hooks?: CellHooks;
}

/** Scalar figures of the whole experiment: what the UI's figure shows and the CLI's last JSON line holds. */
export type Summary = Record<string, number | string | number[] | string[]>;

export interface ExperimentDefinition {
  name: ExperimentName;
  /** True when the cells train on a dataset (ExperimentData); false for the synthetic ones. */
  needsData: boolean;
  params: readonly ParamDef[];
  /** The labels of the cells `params` defines, in order; cell i is run by runCell(i, …). */
  cells(params: ExperimentParams): string[];
  /** Run cell `index` synchronously. */
  runCell(index: number, ctx: CellContext): CellResult;
  /** The summary figures from every cell's result (in cell order). */
  summarize(params: ExperimentParams, results: readonly CellResult[]): Summary;
}

/** Thrown by a cell whose hooks.shouldStop() returned true. */
export class ExperimentCancelled extends Error {
  constructor() {
    super('the experiment was cancelled');
    this.name = 'ExperimentCancelled';
  }
}
