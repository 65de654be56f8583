/** Messages between the insight service and its worker thread: one job in, one reply out, matched by id. */
import type { ArchitectureSpec } from '../../core/spec';
import type { Dataset } from '../../core/datasets/dataset';
import type { Plane } from '../../core/projection/plane';
import type { NamedTensor } from '../model';
import type { WireError } from '../errors';
import type { EvaluationResult, LayerDiagnostics } from '../insight';

/** What the worker computes of an EvaluationResult (the service adds the run, split and class names). */
export type Evaluation = Pick<EvaluationResult, 'rows' | 'matrix' | 'precision' | 'recall' | 'accuracy' | 'misclassified'>;

interface NetworkJob {
  id: number;
  architecture: ArchitectureSpec;
  tensors: NamedTensor[];
}

interface JobBase extends NetworkJob {
  /** Already cut to the rows the job may touch (≤ INSIGHT_LIMITS). */
  data: Dataset;
}

export type InsightJob =
  | (JobBase & { kind: 'evaluate'; maxRows: number; maxMisclassified: number; withPixels: boolean })
  | (JobBase & { kind: 'diagnostics'; rows: number })
  /** The class over a resolution² grid of aRange × bRange on `plane` (plane coordinates, normalized feature space). */
  | (NetworkJob & { kind: 'boundary'; plane: Plane; aRange: [number, number]; bRange: [number, number]; resolution: number })
  /** The plane of the first two principal components of x: n×d (normalized training rows, already sampled). */
  | { id: number; kind: 'pca'; x: Float32Array; n: number; d: number };

export type InsightJobResult =
  | { kind: 'evaluate'; evaluation: Evaluation }
  | { kind: 'diagnostics'; rows: number; layers: LayerDiagnostics[] }
  | { kind: 'boundary'; predicted: Int32Array; confidence: Float32Array }
  | { kind: 'pca'; plane: Plane; explained: [number, number] };

export type InsightReply = { id: number; ok: true; result: InsightJobResult } | { id: number; ok: false; error: WireError };
