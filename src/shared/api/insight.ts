/** API methods of the insight views: graph traces, decision boundary, evaluation (confusion), diagnostics. */
import type { BoundaryResult, DiagnosticsResult, EvaluationResult, GraphTrace } from '../insight';
import { boundaryRequestSchema, diagnosticsRequestSchema, evaluateRequestSchema, traceRequestSchema } from '../insight';
import { method } from './define';

export const insightMethods = {
  /** One row's forward values and backward gradients through every layer (a run's weights, or the seeded ones). */
  'insight.trace': method<GraphTrace>()(traceRequestSchema),
  /** The predicted class over a grid of the plane, with the data points (2-D classification only). */
  'insight.boundary': method<BoundaryResult>()(boundaryRequestSchema),
  /** Confusion matrix, precision / recall and misclassified samples on a split (≤ 10,000 rows, off the main thread). */
  'insight.evaluate': method<EvaluationResult>()(evaluateRequestSchema),
  /** Per-layer histograms, dead ReLU share and gradient-norm history on ≤ 1,000 training rows (off the main thread). */
  'insight.diagnostics': method<DiagnosticsResult>()(diagnosticsRequestSchema),
};
