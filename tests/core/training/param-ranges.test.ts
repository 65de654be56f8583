/** The flat parameter vector cut into per-thread ranges: partitionParams, sliceRange, write/readStateRange. */
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  createOptimizer,
  DEFAULT_TRAINING_CONFIG,
  paramStarts,
  partitionParams,
  readStateRange,
  sliceRange,
  writeStateRange,
} from '../../../src/core/index';
import type { OptimizerState, Param } from '../../../src/core/index';
import { RANGE_ALIGN } from '../../../src/core/training/param-ranges';

/** Params of the given lengths named p0, p1, …; value j of param i is 1000·i + j, its grad the negative. */
function paramsOf(lengths: number[]): Param[] {
  return lengths.map((n, i) => ({
    name: `p${i}`,
    shape: [n],
    value: Float64Array.from({ length: n }, (_, j) => 1000 * i + j),
    grad: Float64Array.from({ length: n }, (_, j) => -(1000 * i + j)),
  }));
}

/** The params of a 784-256-128-10 MLP: W and b of each Affine layer. */
const MNIST_LIKE = [784 * 256, 256, 256 * 128, 128, 128 * 10, 10];

/** Bounds start at 0, end at the total, never decrease; a cut inside a param is RANGE_ALIGN-aligned from its start. */
function expectValidBounds(params: Param[], parts: number, bounds: number[]): void {
  const starts = paramStarts(params);
  expect(bounds.length).toBe(parts + 1);
  expect(bounds[0]).toBe(0);
  expect(bounds[parts]).toBe(starts[params.length]);
  for (let k = 1; k <= parts; k++) expect(bounds[k]).toBeGreaterThanOrEqual(bounds[k - 1]);
  for (const cut of bounds) {
    const i = starts.findIndex((s, j) => j < params.length && s < cut && cut < starts[j + 1]);
    if (i >= 0) expect((cut - starts[i]) % RANGE_ALIGN, `cut ${cut} in p${i}`).toBe(0);
  }
}

describe('partitionParams', () => {
  it('cuts a 784-256-128-10 MLP into ranges within one RANGE_ALIGN of equal, aligned inside a param', () => {
    const params = paramsOf(MNIST_LIKE);
    const total = MNIST_LIKE.reduce((a, b) => a + b, 0);
    for (const parts of [2, 3, 4, 5, 7, 8, 12, 16]) {
      const bounds = partitionParams(params, parts);
      expectValidBounds(params, parts, bounds);
      for (let k = 0; k < parts; k++)
        expect(Math.abs(bounds[k + 1] - bounds[k] - total / parts), `range ${k} of ${parts}`).toBeLessThanOrEqual(
          RANGE_ALIGN + 1,
        );
    }
  });

  it('gives one range [0, total) for parts = 1', () => {
    expect(partitionParams(paramsOf(MNIST_LIKE), 1)).toEqual([0, 235146]);
    expect(paramStarts(paramsOf([3, 4]))).toEqual([0, 3, 7]);
  });

  it('cuts params smaller than RANGE_ALIGN only at their boundaries, leaving empty ranges when parts exceed the params', () => {
    const params = paramsOf([5, 3, 2]);
    const starts = paramStarts(params);
    for (const parts of [2, 3, 4, 8, 20]) {
      const bounds = partitionParams(params, parts);
      expectValidBounds(params, parts, bounds);
      for (const b of bounds) expect(starts).toContain(b);
    }
    expect(partitionParams([], 3)).toEqual([0, 0, 0, 0]);
  });

  it('partitions a real network with tiny params (2-3-2 MLP) into valid ranges covering every param', () => {
    const network = createNetwork(
      {
        inputSize: 2,
        layers: [{ type: 'Affine', units: 3 }, { type: 'Relu' }, { type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }],
      },
      { precision: 'float32', seed: 1 },
    );
    const params = network.params();
    for (const parts of [1, 2, 3, 5]) {
      const bounds = partitionParams(params, parts);
      expectValidBounds(params, parts, bounds);
      const covered = bounds.slice(0, -1).flatMap((lo, k) => sliceRange(params, lo, bounds[k + 1]).map((s) => s.value.length));
      expect(covered.reduce((a, b) => a + b, 0)).toBe(6 + 3 + 6 + 2);
    }
  });

  it('rejects a part count that is not a positive integer', () => {
    expect(() => partitionParams(paramsOf([4]), 0)).toThrow(RangeError);
    expect(() => partitionParams(paramsOf([4]), 1.5)).toThrow(/parts must be ≥ 1, got 1.5/);
  });
});

describe('sliceRange', () => {
  it('covers exactly the flat range [lo, hi), in params() order, skipping params outside it', () => {
    const params = paramsOf([40, 7, 33]);
    const flat = params.flatMap((p) => [...p.value]);
    for (const [lo, hi] of [
      [0, 80],
      [0, 16],
      [16, 47],
      [40, 47],
      [45, 60],
      [47, 80],
      [79, 80],
    ]) {
      const slices = sliceRange(params, lo, hi);
      expect(
        slices.flatMap((s) => [...s.value]),
        `[${lo}, ${hi})`,
      ).toEqual(flat.slice(lo, hi));
      expect(slices.flatMap((s) => [...s.grad])).toEqual(flat.slice(lo, hi).map((v) => -v));
      for (const s of slices) expect(s.value.length).toBeGreaterThan(0);
    }
    expect(sliceRange(params, 20, 20)).toEqual([]);
    expect(sliceRange(params, 45, 60).map((s) => [s.name, s.parent.name, s.offset, s.shape])).toEqual([
      ['p1', 'p1', 5, [2]],
      ['p2', 'p2', 0, [13]],
    ]);
  });

  it('gives views of the params, not copies: a write through a slice changes the param and back', () => {
    const params = paramsOf([40, 7]);
    const [a, b] = sliceRange(params, 38, 44);
    a.value[1] = -5;
    b.grad[0] = 99;
    expect(params[0].value[39]).toBe(-5);
    expect(params[1].grad[0]).toBe(99);
    params[1].value[3] = 0.5;
    expect(b.value[3]).toBe(0.5);
  });
});

describe('writeStateRange and readStateRange', () => {
  const params = paramsOf([40, 7, 33]);
  const total = 80;
  /** An Adam state (slots m and v) of `params` whose element j of tensor k is fill(k, j). */
  function stateOf(fill: (k: number, j: number) => number): OptimizerState {
    const state = createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: 'adam' }).exportState(params);
    state.tensors.forEach((t, k) => t.data.forEach((_, j) => (t.data[j] = fill(k, j))));
    return state;
  }
  const source = stateOf((k, j) => 10000 * k + j + 0.5);
  const starts = paramStarts(params);

  it('writes tensor s·P + i at flat[s · total + starts[i] …], range by range', () => {
    const flat = new Float64Array(2 * total).fill(Number.NaN);
    const bounds = partitionParams(params, 3);
    for (let k = 0; k < 3; k++) writeStateRange(source, params, flat, bounds[k], bounds[k + 1]);
    const expected = [0, 1].flatMap((slot) => params.flatMap((_, i) => [...source.tensors[slot * 3 + i].data]));
    expect([...flat]).toEqual(expected);
    expect(flat[total + starts[2] + 4]).toBe(10000 * 5 + 4 + 0.5);
  });

  it('reads back what was written over any ranges, and only those ranges', () => {
    const flat = new Float64Array(2 * total);
    writeStateRange(source, params, flat, 0, total);
    const all = stateOf(() => 0);
    for (const [lo, hi] of [
      [0, 16],
      [16, 45],
      [45, total],
    ])
      readStateRange(all, params, flat, lo, hi);
    expect(all).toEqual(source);

    const part = stateOf(() => 0);
    readStateRange(part, params, flat, 32, 48);
    part.tensors.forEach((t, k) => {
      const i = k % 3;
      t.data.forEach((v, j) => {
        const inside = starts[i] + j >= 32 && starts[i] + j < 48;
        expect(v, `${t.name}[${j}]`).toBe(inside ? source.tensors[k].data[j] : 0);
      });
    });
  });

  it('throws naming a tensor whose length is not its param’s', () => {
    const bad = stateOf(() => 1);
    bad.tensors[4] = { ...bad.tensors[4], data: new Float64Array(6) };
    const flat = new Float64Array(2 * total);
    expect(() => writeStateRange(bad, params, flat, 0, total)).toThrow(/"p1#v" has 6 values, expected 7/);
    expect(() => readStateRange(bad, params, flat, 0, 10)).toThrow(RangeError);
  });
});
