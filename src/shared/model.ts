/** A trained model as the processes hand it around: what a model file stores and what Predict and Export read. */
import type { ArchitectureSpec, TrainingConfig, Precision } from '../core/spec';
import type { Normalization } from '../core/datasets/dataset';

/** One named tensor, e.g. "layers.0.W" (D×M), "layers.0.b" (M), "layers.2.runningMean". */
export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array | Float64Array;
}

export interface SplitMetrics {
  loss: number;
  accuracy: number | null;
}

export interface ModelSnapshot {
  formatVersion: 1;
  architecture: ArchitectureSpec;
  precision: Precision;
  /** Every parameter and buffer of the network (Sequential.exportState()). */
  tensors: NamedTensor[];
  normalization: Normalization;
  featureNames: string[];
  /** Class names for classification (index = class); empty for regression. */
  classNames: string[];
  /** Regression target names; empty for classification. */
  targetNames: string[];
  trainingConfig: TrainingConfig;
  metrics: { train: SplitMetrics | null; validation: SplitMetrics | null; test: SplitMetrics | null };
  datasetName: string;
}
