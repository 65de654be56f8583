import { describe, expect, it } from 'vitest';
import { affinePreset, softmaxWithLossPreset } from '../../../src/core/graph/matrix-presets';

const find = (p: { tensors: { name: string; data: number[]; rows: number; cols: number }[] }, name: string) => {
  const t = p.tensors.find((x) => x.name === name);
  if (!t) throw new Error(`no tensor ${name}`);
  return t;
};

describe('the batched Affine graph', () => {
  const p = affinePreset();

  it('reproduces the book: X·W = [[0,0,0],[10,10,10]], + B broadcast = [[1,2,3],[11,12,13]], dB = Σ₀ dY = [5,7,9]', () => {
    expect(find(p, 'X · W').data).toEqual([0, 0, 0, 10, 10, 10]);
    expect(find(p, 'B (broadcast)').data).toEqual([1, 2, 3, 1, 2, 3]);
    expect(find(p, 'Y').data).toEqual([1, 2, 3, 11, 12, 13]);
    expect(find(p, '∂L/∂B')).toMatchObject({ rows: 1, cols: 3, data: [5, 7, 9] });
    expect(find(p, '∂L/∂X')).toMatchObject({ rows: 2, cols: 2 });
    expect(find(p, '∂L/∂W')).toMatchObject({ rows: 2, cols: 3 });
  });

  it('dX, dW and dB are the gradients of L = Σ Y ⊙ dY (checked by central differences on random inputs)', () => {
    const rnd = (n: number, seed: number) => Array.from({ length: n }, (_, k) => Math.sin(seed * 12.9898 + k * 78.233) * 2);
    const X = { rows: 3, cols: 4, data: rnd(12, 1) };
    const W = { rows: 4, cols: 2, data: rnd(8, 2) };
    const B = { rows: 1, cols: 2, data: rnd(2, 3) };
    const dY = { rows: 3, cols: 2, data: rnd(6, 4) };
    const L = (x: typeof X, w: typeof W, b: typeof B) =>
      find(affinePreset(x, w, b, dY), 'Y').data.reduce((s, v, k) => s + v * dY.data[k], 0);
    const p = affinePreset(X, W, B, dY);
    const h = 1e-6;
    const check = (name: string, target: typeof X, call: (t: typeof X) => number) => {
      const analytic = find(p, name).data;
      target.data.forEach((v, k) => {
        const plus = { ...target, data: target.data.map((u, i) => (i === k ? v + h : u)) };
        const minus = { ...target, data: target.data.map((u, i) => (i === k ? v - h : u)) };
        expect(analytic[k]).toBeCloseTo((call(plus) - call(minus)) / (2 * h), 6);
      });
    };
    check('∂L/∂X', X, (x) => L(x, W, B));
    check('∂L/∂W', W, (w) => L(X, w, B));
    check('∂L/∂B', B, (b) => L(X, W, b));
  });

  it('steps: inputs, X·W, +B, then +B backward, the Σ over axis 0, X·W backward', () => {
    expect(p.steps.map((s) => `${s.phase} ${s.node}`)).toEqual([
      'start X, W, B',
      'forward X · W',
      'forward + B',
      'backward + B',
      'backward Σ axis 0',
      'backward X · W',
    ]);
    expect(find(p, '∂L/∂B').data).toHaveLength(3);
  });
});

describe('the Softmax-with-Loss graph', () => {
  it('gives y = (0.3, 0.2, 0.5) and the backward (y1 − t1, y2 − t2, y3 − t3) = (0.3, −0.8, 0.5)', () => {
    const p = softmaxWithLossPreset();
    find(p, 'y').data.forEach((v, k) => expect(v).toBeCloseTo([0.3, 0.2, 0.5][k], 14));
    expect(find(p, 'L').data[0]).toBeCloseTo(-Math.log(0.2), 14);
    find(p, '∂L/∂a = (y − t) / N').data.forEach((v, k) => expect(v).toBeCloseTo([0.3, -0.8, 0.5][k], 14));
  });

  it('divides by the batch size and survives huge scores (max-subtracted)', () => {
    const p = softmaxWithLossPreset({ rows: 2, cols: 2, data: [1000, 0, 0, 1000] }, { rows: 2, cols: 2, data: [1, 0, 1, 0] });
    expect(find(p, 'L').data[0]).toBeCloseTo(500, 10);
    expect(find(p, '∂L/∂a = (y − t) / N').data.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 0, -0.5, 0.5]);
  });
});
