import { describe, expect, it } from 'vitest';
import { evaluateClassifier, precisionRecall } from '../../../../src/main/services/insight/evaluate';
import { deadFraction, diagnose } from '../../../../src/main/services/insight/diagnostics';
import { insightNetwork } from '../../../../src/main/services/insight/network';
import { traceSample } from '../../../../src/main/services/insight/trace';
import type { Dataset } from '../../../../src/core/datasets/dataset';
import type { ArchitectureSpec } from '../../../../src/core/spec';
import { createRng, referenceKernels } from '../../../../src/core';

const arch: ArchitectureSpec = {
  inputSize: 2,
  layers: [{ type: 'Affine', units: 4 }, { type: 'Relu' }, { type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }],
};
const data: Dataset = {
  name: 'tiny',
  n: 4,
  d: 2,
  x: Float32Array.from([1, 0, 0, 1, -1, 0, 0, -1]),
  featureNames: ['a', 'b'],
  target: { kind: 'classes', classNames: ['neg', 'pos'], y: Int32Array.from([1, 1, 0, 0]) },
};

describe('precisionRecall', () => {
  it('divides the diagonal by column sums (precision) and row sums (recall), null for empty ones', () => {
    const { precision, recall } = precisionRecall([
      [3, 1],
      [0, 0],
    ]);
    expect(precision).toEqual([1, 0]);
    expect(recall).toEqual([0.75, null]);
  });
});

describe('evaluateClassifier', () => {
  it('counts every row once in the confusion matrix and lists the wrong ones', () => {
    const result = evaluateClassifier(insightNetwork(arch, null, 1), data, 10, 10, true);
    expect(result.rows).toBe(4);
    expect(result.matrix.flat().reduce((a, b) => a + b, 0)).toBe(4);
    const wrong = 4 - (result.matrix[0][0] + result.matrix[1][1]);
    expect(result.misclassified).toHaveLength(wrong);
    expect(result.accuracy).toBeCloseTo((4 - wrong) / 4, 12);
  });
});

describe('diagnostics', () => {
  it('counts a unit dead when it outputs 0 on every row', () => {
    expect(deadFraction(2, 3, [0, 1, 0, 0, 0, 2])).toBeCloseTo(1 / 3, 12);
  });

  it('summarises every hidden layer with its parameters and gradient norms', () => {
    const { layers } = diagnose(insightNetwork(arch, null, 1), data, 1000);
    expect(layers.map((l) => l.name)).toEqual(['Affine', 'Relu', 'Affine']);
    expect(layers[0].params.map((p) => p.name)).toEqual(['layers.0.W', 'layers.0.b']);
    expect(layers[1].deadFraction).not.toBeNull();
    expect(layers[0].params[0].gradNorm).toBeGreaterThan(0);
  });
});

describe('traceSample', () => {
  it('records one node per layer with dW shaped like W and the loss of that row', () => {
    const network = insightNetwork(arch, null, 1);
    const trace = traceSample(network, data, 2, 'train', { seed: 1 });
    expect(trace.nodes.map((n) => n.name)).toEqual(['Affine', 'Relu', 'Affine', 'SoftmaxWithLoss']);
    expect(trace.nodes[0].grads[0].view).toMatchObject({ rows: 2, cols: 4 });
    expect(trace.label).toBe('neg');
    expect(trace.loss).toBeCloseTo(
      network.loss({ rows: 1, cols: 2, data: Float64Array.from([-1, 0]) }, Int32Array.from([0])),
      12,
    );
  });

  it('traces a batch: X is N×D, and db is dout summed over the N rows (the bias was broadcast to each)', () => {
    const network = insightNetwork(arch, null, 1);
    const trace = traceSample(network, data, 0, 'train', { seed: 1 }, 4);
    expect(trace.input).toMatchObject({ rows: 4, cols: 2 });
    expect(trace.label).toBe('pos, pos, neg, neg');
    const dout = trace.nodes[3].dx.values ?? [];
    const db = trace.nodes[2].grads.find((g) => g.name.endsWith('.b'))?.view.values ?? [];
    expect(db).toHaveLength(2);
    db.forEach((v, j) => expect(v).toBeCloseTo(dout[j] + dout[2 + j] + dout[4 + j] + dout[6 + j], 12));
  });

  it('refuses a row outside the dataset with the row and the size', () => {
    expect(() => traceSample(insightNetwork(arch, null, 1), data, 9, 'train', { seed: 1 })).toThrow(
      /rows 9\.\.9 are outside the 4 rows/,
    );
  });
});

describe('evaluateClassifier on the fast kernels, in chunks', () => {
  const wide: ArchitectureSpec = {
    inputSize: 5,
    layers: [{ type: 'Affine', units: 48 }, { type: 'Relu' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
  };
  const rng = createRng(4);
  const many: Dataset = {
    name: 'noise',
    n: 301,
    d: 5,
    x: Float32Array.from({ length: 301 * 5 }, () => rng.normal()),
    featureNames: ['a', 'b', 'c', 'd', 'e'],
    target: { kind: 'classes', classNames: ['p', 'q', 'r'], y: Int32Array.from({ length: 301 }, () => rng.int(3)) },
  };

  it('counts the reference kernels’ matrix on the WebAssembly kernels, with the same wrong rows', () => {
    const fast = evaluateClassifier(insightNetwork(wide, null, 2), many, 301, 400, false);
    const reference = evaluateClassifier(insightNetwork(wide, null, 2, 64, referenceKernels), many, 301, 400, false, 500);
    expect(fast.matrix).toEqual(reference.matrix);
    expect(fast.misclassified.map((m) => [m.row, m.predicted])).toEqual(reference.misclassified.map((m) => [m.row, m.predicted]));
    fast.misclassified.forEach((m, i) =>
      expect(Math.abs(m.confidence - reference.misclassified[i].confidence)).toBeLessThan(1e-12),
    );
  });

  it('gives the same evaluation bit for bit whatever the chunk size', () => {
    const whole = evaluateClassifier(insightNetwork(wide, null, 2, 301), many, 301, 400, true, 301);
    for (const chunk of [1, 8, 13, 64, 4096]) {
      expect(evaluateClassifier(insightNetwork(wide, null, 2, chunk), many, 301, 400, true, chunk)).toEqual(whole);
    }
  });
});
