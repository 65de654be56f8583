/** Results of the insight methods as the main process sends them, small enough to check by hand in view tests. */
import type { BoundaryResult, DiagnosticsResult, EvaluationResult, Histogram } from '../../../src/shared/insight';
import type { GradientCheckResult } from '../../../src/shared/runs';

export function boundaryResult(iteration = 40): BoundaryResult {
  const r = 8;
  return {
    runId: 'run-1',
    iteration,
    resolution: r,
    xRange: [-1, 1],
    yRange: [-1, 1],
    plane: { kind: 'features', x: 0, y: 1 },
    featureNames: ['x1', 'x2'],
    classNames: ['a', 'b', 'c'],
    predicted: Int32Array.from({ length: r * r }, (_, i) => i % 3),
    confidence: new Float32Array(r * r).fill(0.9),
    points: {
      x: Float32Array.from([0, 0.5]),
      y: Float32Array.from([0, -0.5]),
      cls: Int32Array.from([0, 1]),
      split: Uint8Array.from([0, 1]),
    },
  };
}

export function evaluationResult(): EvaluationResult {
  return {
    runId: 'run-1',
    part: 'validation',
    rows: 10,
    totalRows: 10,
    classNames: ['a', 'b'],
    matrix: [
      [4, 1],
      [2, 3],
    ],
    precision: [4 / 6, 3 / 4],
    recall: [4 / 5, 3 / 5],
    accuracy: 0.7,
    imageShape: null,
    misclassified: [],
  };
}

const histogram = (values: number[]): Histogram => ({
  count: values.length,
  min: -1,
  max: 1,
  mean: 0,
  std: 0.5,
  counts: values,
  nonFinite: 0,
});

export function diagnosticsResult(polls = 3): DiagnosticsResult {
  const param = (name: string) => ({ name, values: histogram([1, 2, 1]), grads: histogram([0, 3, 1]), gradNorm: 0.25 });
  return {
    runId: 'run-1',
    iteration: 10 * polls,
    rows: 100,
    layers: [
      {
        layer: 0,
        name: 'Affine',
        activations: histogram([2, 5, 3]),
        deadFraction: null,
        params: [param('layers.0.W'), param('layers.0.b')],
      },
      { layer: 1, name: 'Relu', activations: histogram([6, 2, 2]), deadFraction: 0.5, params: [] },
    ],
    history: Array.from({ length: polls }, (_, i) => ({
      iteration: 10 * (i + 1),
      norms: { 'layers.0.W': 0.5 / (i + 1), 'layers.0.b': 0 },
    })),
  };
}

export function gradientCheckResult(pass = true): GradientCheckResult {
  const check = (name: string, shape: number[], relError: number) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const analytic = Float64Array.from({ length: n }, (_, i) => 0.1 * (i + 1));
    const numeric = analytic.map((a) => a * (1 - relError));
    return {
      name,
      shape,
      maxAbs: 0.1 * n * relError,
      meanAbs: 1e-9,
      maxRel: relError,
      worstIndex: n - 1,
      pass: relError < 1e-4,
      kinkCount: 0,
      analytic,
      numeric,
      absDiff: analytic.map((a, i) => Math.abs(a - numeric[i])),
      relError: new Float64Array(n).fill(relError),
      kinkIndices: [],
    };
  };
  const params = [check('layers.0.W', [2, 3], 1e-8), check('layers.0.b', [3], pass ? 1e-9 : 1e-2)];
  return { params, pass, h: 1e-4, thresholds: { maxRel: 1e-4, meanAbs: 1e-7 }, samples: 3 };
}
