/** Test helpers shared by the core tests: random inputs and a one-call gradient check of a small float64 network. */
import { createNetwork, createRng, gradientCheck } from '../../src/core/index';
import type { ArchitectureSpec, GradientCheckReport, Labels, Matrix } from '../../src/core/index';

/** A rows×cols float64 matrix of N(0, 1) draws. */
export function randomMatrix(seed: number, rows: number, cols: number): Matrix {
  const rng = createRng(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.normal()) };
}

/** Random class indices in [0, classes). */
export function randomLabels(seed: number, n: number, classes: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: n }, () => rng.int(classes));
}

/** Build `spec` in float64 and gradient-check it on random data (classes labels for Softmax, N(0,1) targets for Identity). */
export function checkSpec(spec: ArchitectureSpec, seed = 1, n = 4): GradientCheckReport {
  const net = createNetwork(spec, { precision: 'float64', seed });
  const x = randomMatrix(seed + 1, n, spec.inputSize);
  const last = spec.layers[spec.layers.length - 1];
  const width = [...spec.layers].reverse().find((l) => l.type === 'Affine');
  const c = width && width.type === 'Affine' ? width.units : spec.inputSize;
  const t: Labels = last.type === 'SoftmaxWithLoss' ? randomLabels(seed + 2, n, c) : randomMatrix(seed + 3, n, c);
  return gradientCheck(net, x, t);
}
