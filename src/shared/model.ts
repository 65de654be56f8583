/** A trained model as the processes hand it around: what a model file stores, what Predict and Export read, what the renderer sees. */
import { z } from 'zod';
import type { ArchitectureSpec, TrainingConfig, Precision } from '../core/spec';
import type { Normalization } from '../core/datasets/dataset';

/** One named tensor, e.g. "layers.0.W" (D×M), "layers.0.b" (M), "layers.2.runningMean"; data length = product of the shape. */
export const namedTensorSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    shape: z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(2 ** 31 - 1),
      )
      .min(1)
      .max(4),
    data: z.custom<Float32Array | Float64Array>(
      (v) => v instanceof Float32Array || v instanceof Float64Array,
      'expected a Float32Array or Float64Array',
    ),
  })
  .refine((t) => t.shape.reduce((a, b) => a * b, 1) === t.data.length, 'data length must equal the product of the shape');
export type NamedTensor = z.infer<typeof namedTensorSchema>;

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

/** A model opened from a file or from uploaded bytes, kept by the model service under `id`. */
export interface LoadedModel {
  id: string;
  /** The file name (or upload name) it came from. */
  name: string;
  snapshot: ModelSnapshot;
}

/** What the renderer sees of a kept model (no tensors). */
export interface ModelInfo {
  id: string;
  name: string;
  datasetName: string;
  architecture: ArchitectureSpec;
  featureNames: string[];
  classNames: string[];
}

/** One predicted row: the class name (or the regression value) and every class probability in class-name order. */
export interface Prediction {
  /** 1-based row number in the input (data rows, header excluded). */
  row: number;
  /** The most probable class name; for regression the predicted value(s) as text. */
  predicted: string;
  /** One per class name, in the stored order; empty for regression. */
  probabilities: number[];
}

/** A file's bytes for the browser to download (or the desktop to hand to a save dialog). */
export interface DownloadFile {
  name: string;
  bytes: Uint8Array;
}

/** What Export offers: an ONNX file, a NumPy script, or a PyTorch project (a .zip of sources, config and weights). */
export const exportFormatSchema = z.enum(['onnx', 'numpy', 'pytorch']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
