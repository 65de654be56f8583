import { describe, expect, it } from 'vitest';
import { Affine, referenceKernels } from '../../../src/core/index';
import { checkSpec } from '../fixtures';

function affine(): Affine {
  const a = new Affine(2, 3, referenceKernels, 'float64', 'layers.0');
  a.W.value.set([1, 2, 3, 4, 5, 6]); // W = [[1,2,3],[4,5,6]]
  a.b.value.set([0.5, -1, 2]);
  return a;
}

describe('Affine', () => {
  it('computes x·W + b', () => {
    const out = affine().forward({ rows: 2, cols: 2, data: Float64Array.from([1, 0, 1, 1]) });
    expect(Array.from(out.data)).toEqual([1.5, 1, 5, 5.5, 6, 11]);
  });

  it('backpropagates dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout without mutating x or dout', () => {
    const a = affine();
    const x = { rows: 2, cols: 2, data: Float64Array.from([1, 0, 1, 1]) };
    a.forward(x);
    const dout = { rows: 2, cols: 3, data: Float64Array.from([1, 0, 0, 0, 1, 1]) };
    const dx = a.backward(dout);
    expect(Array.from(dx.data)).toEqual([1, 4, 5, 11]);
    expect(Array.from(a.W.grad)).toEqual([1, 1, 1, 0, 1, 1]);
    expect(Array.from(a.b.grad)).toEqual([1, 1, 1]);
    expect(Array.from(x.data)).toEqual([1, 0, 1, 1]);
    expect(Array.from(dout.data)).toEqual([1, 0, 0, 0, 1, 1]);
  });

  it('reuses its output buffer for batches of the same size', () => {
    const a = affine();
    const o1 = a.forward({ rows: 2, cols: 2, data: new Float64Array(4) });
    const o2 = a.forward({ rows: 2, cols: 2, data: new Float64Array(4) });
    expect(o2.data).toBe(o1.data);
  });

  it('passes a gradient check with SoftmaxWithLoss', () => {
    const r = checkSpec({ inputSize: 5, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] });
    expect(r.pass).toBe(true);
    expect(r.params.map((p) => p.name)).toEqual(['layers.0.W', 'layers.0.b']);
    expect(Math.max(...r.params.map((p) => p.meanAbs))).toBeLessThan(1e-9);
  });
});
