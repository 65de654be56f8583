import { describe, expect, it } from 'vitest';
import { boundaryPoints, planeRange, predictGrid } from '../../../../src/main/services/insight/boundary';
import { boundaryPlane } from '../../../../src/main/services/insight/boundary-plane';
import { insightNetwork } from '../../../../src/main/services/insight/network';
import { featurePlane } from '../../../../src/core/projection/plane';
import type { Dataset, Normalization } from '../../../../src/core/datasets/dataset';
import type { ArchitectureSpec } from '../../../../src/core/spec';
import { createRng, referenceKernels } from '../../../../src/core';

const arch: ArchitectureSpec = {
  inputSize: 3,
  layers: [{ type: 'Affine', units: 5 }, { type: 'Tanh' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};
/** 4 normalized rows × 3 features (column means 0.5, 1, 2.5), 3 classes. */
const train: Dataset = {
  name: 'tiny',
  n: 4,
  d: 3,
  x: Float32Array.from([0, 0, 1, 1, 2, 3, 0, 1, 4, 1, 1, 2]),
  featureNames: ['a', 'b', 'c'],
  target: { kind: 'classes', classNames: ['p', 'q', 'r'], y: Int32Array.from([0, 1, 2, 1]) },
};
const minmax: Normalization = { kind: 'minmax', offset: [10, 20, 30], scale: [2, 4, 8] };

describe('predictGrid', () => {
  it('predicts each cell from its lifted feature row (the held feature at its mean), row 0 at the top', () => {
    const network = insightNetwork(arch, null, 3);
    const plane = featurePlane(train.x, train.n, train.d, 0, 2);
    const grid = predictGrid(network, plane, [-1, 1], [0, 4], 4);
    expect(grid.predicted).toHaveLength(16);
    // Cell (row 0, column 3): a = −1 + 3.5/4·2 = 0.75, b = 4 − 0.5/4·4 = 3.5; b (feature 1) held at its mean 1.
    const probs = network.probabilities({ rows: 1, cols: 3, data: Float64Array.from([0.75, 1, 3.5]) }).data;
    const best = probs.indexOf(Math.max(...probs));
    expect(grid.predicted[3]).toBe(best);
    expect(grid.confidence[3]).toBeCloseTo(probs[best], 6);
  });

  it('marks a cell whose probabilities are NaN with −1', () => {
    const network = insightNetwork(arch, null, 3);
    const plane = featurePlane(train.x, train.n, train.d, 0, 1);
    const grid = predictGrid(network, plane, [Number.NaN, 1], [0, 1], 2);
    expect(Array.from(grid.predicted)).toEqual([-1, -1, -1, -1]);
    expect(Number.isNaN(grid.confidence[0])).toBe(true);
  });
});

describe('boundaryPlane and boundaryPoints', () => {
  it('shows a feature plane in raw units (x = x′·scale + offset) with the chosen features’ names', () => {
    const fitted = boundaryPlane(train, minmax, { kind: 'features', x: 2, y: 0 });
    expect(fitted.names).toEqual(['c', 'a']);
    expect(fitted.info).toEqual({ kind: 'features', x: 2, y: 0 });
    const points = boundaryPoints([train, null, null], fitted.plane, fitted.units, 100);
    expect(Array.from(points.x)).toEqual([38, 54, 62, 46]);
    expect(Array.from(points.y)).toEqual([10, 12, 10, 12]);
    expect(Array.from(points.cls)).toEqual([0, 1, 2, 1]);
  });

  it('uses features 1 and 2 when none are chosen, and rejects a missing or repeated feature', () => {
    expect(boundaryPlane(train, minmax).names).toEqual(['a', 'b']);
    expect(() => boundaryPlane(train, minmax, { kind: 'features', x: 0, y: 3 })).toThrow(
      /feature 4 was chosen but dataset "tiny" has 3 features/,
    );
    expect(() => boundaryPlane(train, minmax, { kind: 'features', x: 1, y: 1 })).toThrow(/two different features/);
  });

  it('PCA: scores centred on the mean, the share of variance explained, the heaviest feature per axis', () => {
    const fitted = boundaryPlane(train, minmax, { kind: 'pca' });
    if (fitted.info.kind !== 'pca') throw new Error('expected a PCA plane');
    expect(fitted.info.explained[0]).toBeGreaterThan(fitted.info.explained[1]);
    expect(fitted.names[0]).toBe('c');
    const points = boundaryPoints([train, null, null], fitted.plane, fitted.units, 100);
    expect(points.x.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 5);
    expect(points.y.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 5);
  });

  it('a plane needs two features', () => {
    const line: Dataset = { ...train, d: 1, x: Float32Array.from([0, 1, 2, 3]), featureNames: ['a'] };
    expect(() => boundaryPlane(line, { kind: 'none', offset: [0], scale: [1] })).toThrow(
      /has 1 feature; the boundary needs at least 2/,
    );
  });
});

describe('planeRange', () => {
  it('widens the bounding box by 10 % on each side', () => {
    expect(planeRange(Float32Array.from([0, 10]))).toEqual([-1, 11]);
  });
});

describe('predictGrid on the fast kernels, in chunks', () => {
  /** 6 features through two hidden layers of 40, so the grid's GEMMs are more than a few multiply-adds. */
  const wide: ArchitectureSpec = {
    inputSize: 6,
    layers: [
      { type: 'Affine', units: 40 },
      { type: 'Relu' },
      { type: 'Affine', units: 40 },
      { type: 'Tanh' },
      { type: 'Affine', units: 4 },
      { type: 'SoftmaxWithLoss' },
    ],
  };
  const rng = createRng(9);
  const axis = (): Float64Array => Float64Array.from({ length: 6 }, () => rng.normal());
  const plane = { origin: axis(), u: axis(), v: axis() };

  it('predicts the reference kernels’ grid on the WebAssembly kernels (same classes, confidences within 1e-6)', () => {
    const fast = predictGrid(insightNetwork(wide, null, 4), plane, [-2, 2], [-2, 2], 30);
    const reference = predictGrid(insightNetwork(wide, null, 4, 64, referenceKernels), plane, [-2, 2], [-2, 2], 30);
    expect(insightNetwork(wide, null, 4).kernels.name).toMatch(/^wasm/);
    expect(Array.from(fast.predicted)).toEqual(Array.from(reference.predicted));
    fast.confidence.forEach((p, i) => expect(Math.abs(p - reference.confidence[i])).toBeLessThan(1e-6));
  });

  it('gives every cell bit for bit whatever the chunk size (rows are independent)', () => {
    const network = insightNetwork(wide, null, 4, 900);
    const whole = predictGrid(network, plane, [-2, 2], [-2, 2], 30, 900);
    for (const chunk of [1, 8, 13, 256, 4096]) {
      const chunked = predictGrid(network, plane, [-2, 2], [-2, 2], 30, chunk);
      expect(chunked.predicted).toEqual(whole.predicted);
      expect(chunked.confidence).toEqual(whole.confidence);
    }
  });
});
