/** The insight service's JSON-safe results (graph trace, decision boundary, evaluation, diagnostics) and request schemas. */
import { z } from 'zod';
import { architectureSchema, prepareOptionsSchema, seedSchema } from './spec';

/** Limits that keep every insight job small: rows evaluated, rows diagnosed, grid resolution, gallery size. */
export const INSIGHT_LIMITS = {
  traceBatch: 64,
  evaluateRows: 10_000,
  diagnosticsRows: 1000,
  resolution: 200,
  misclassified: 48,
  boundaryPoints: 2000,
  /** Training rows the PCA plane is fitted on (every k-th row when there are more). */
  pcaRows: 1000,
  history: 500,
};

/** Linear-binned histogram of a set of values; non-finite values are counted apart, never binned. */
export interface Histogram {
  count: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Counts of `bins` equal-width bins from min to max. */
  counts: number[];
  /** NaN and ±Infinity values, excluded from every other figure. */
  nonFinite: number;
}

/** A matrix as the graph view shows it: its values when small, always its summary. */
export interface TensorView {
  rows: number;
  cols: number;
  /** Row-major values when rows·cols ≤ SMALL_TENSOR, else null. */
  values: number[] | null;
  summary: Histogram;
}

/** One layer node of a traced forward + backward pass. */
export interface GraphNode {
  /** 0-based index into the architecture's layers (shown as layerNumber(layer), 1-based). */
  layer: number;
  name: string;
  /** The node's forward output (for the loss layer: its probabilities / predictions). */
  output: TensorView;
  /** The gradient of the loss with respect to the node's input, sent leftwards by backward. */
  dx: TensorView;
  /** dW, db… of the node's parameters. */
  grads: { name: string; view: TensorView }[];
}

export interface GraphTrace {
  row: number;
  part: 'train' | 'validation' | 'test';
  /** The sample's class name (or target values as text). */
  label: string;
  loss: number;
  input: TensorView;
  nodes: GraphNode[];
  /** Where the weights came from: a run (and its iteration) or the seeded initialisation. */
  weights: { runId: string; iteration: number } | { seed: number };
}

/** Which plane of the feature space the boundary shows: two features (by index; the others at their training mean) or PCA. */
export type BoundaryPlane = z.infer<typeof boundaryPlaneSchema>;

/**
 * The predicted class over a grid of a 2-D plane, with the data points projected on it. Axis values are in the
 * features' own (unnormalized) units for a feature plane, and in principal-component scores (of the normalized
 * features) for PCA.
 */
export interface BoundaryResult {
  runId: string;
  iteration: number;
  resolution: number;
  xRange: [number, number];
  yRange: [number, number];
  /** The plane drawn; for PCA with the share of the variance each component explains (0…1). */
  plane: { kind: 'features'; x: number; y: number } | { kind: 'pca'; explained: [number, number] };
  /** The axes' feature names (for PCA the features weighing most in each component, for the axis title). */
  featureNames: [string, string];
  classNames: string[];
  /** resolution² classes, row-major, row 0 at yRange[1] (the top); −1 where the prediction is NaN. */
  predicted: Int32Array;
  /** The winning probability per cell (NaN where the prediction is NaN). */
  confidence: Float32Array;
  /** Data points: coordinates, class and split (0 train, 1 validation, 2 test). */
  points: { x: Float32Array; y: Float32Array; cls: Int32Array; split: Uint8Array };
}

export interface MisclassifiedSample {
  row: number;
  actual: number;
  predicted: number;
  confidence: number;
  /** The row's features (for image data), else null. */
  pixels: Float32Array | null;
}

export interface EvaluationResult {
  runId: string;
  part: 'train' | 'validation' | 'test';
  rows: number;
  totalRows: number;
  classNames: string[];
  /** matrix[actual][predicted] counts. */
  matrix: number[][];
  /** Per class; null when the class was never predicted (precision) or never present (recall). */
  precision: (number | null)[];
  recall: (number | null)[];
  accuracy: number;
  imageShape: [number, number] | null;
  misclassified: MisclassifiedSample[];
}

/** One layer's distributions on the fixed diagnostic batch. */
export interface LayerDiagnostics {
  /** 0-based index into the architecture's layers (shown as layerNumber(layer), 1-based). */
  layer: number;
  name: string;
  activations: Histogram;
  /** Share of units that output 0 for every row of the batch (Relu layers only). */
  deadFraction: number | null;
  params: { name: string; values: Histogram; grads: Histogram; gradNorm: number }[];
}

export interface DiagnosticsResult {
  runId: string;
  iteration: number;
  rows: number;
  layers: LayerDiagnostics[];
  /** Gradient L2 norm per parameter over time (one point per poll that saw a new iteration). */
  history: { iteration: number; norms: Record<string, number> }[];
}

const part = z.enum(['train', 'validation', 'test']);
const runId = z.string().min(1).max(64);

export const traceRequestSchema = z.strictObject({
  datasetId: z.string().min(1).max(64),
  split: prepareOptionsSchema,
  architecture: architectureSchema,
  seed: seedSchema,
  runId: runId.nullable(),
  part,
  row: z.number().int().min(0).max(10_000_000),
  /** Rows traced together from `row` (a batch, so that db sums over them); 1 when absent. */
  batch: z.number().int().min(1).max(INSIGHT_LIMITS.traceBatch).optional(),
});
export type TraceRequest = z.infer<typeof traceRequestSchema>;

const featureIndex = z.number().int().min(0).max(1_000_000);
export const boundaryPlaneSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('features'), x: featureIndex, y: featureIndex }),
  z.strictObject({ kind: z.literal('pca') }),
]);

export const boundaryRequestSchema = z.strictObject({
  runId,
  split: prepareOptionsSchema,
  resolution: z.number().int().min(8).max(INSIGHT_LIMITS.resolution),
  /** Features 0 and 1 when absent. */
  plane: boundaryPlaneSchema.optional(),
});
export type BoundaryRequest = z.infer<typeof boundaryRequestSchema>;

export const evaluateRequestSchema = z.strictObject({
  runId,
  split: prepareOptionsSchema,
  part,
  maxRows: z.number().int().min(1).max(INSIGHT_LIMITS.evaluateRows),
});
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

export const diagnosticsRequestSchema = z.strictObject({
  runId,
  split: prepareOptionsSchema,
  rows: z.number().int().min(1).max(INSIGHT_LIMITS.diagnosticsRows),
});
export type DiagnosticsRequest = z.infer<typeof diagnosticsRequestSchema>;
