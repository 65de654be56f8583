/** One thread's share of a data-parallel update over its range of the flat parameter vector: RangeUpdate. */
import { describe, expect, it } from 'vitest';
import { createOptimizer, DEFAULT_TRAINING_CONFIG, RangeUpdate, referenceKernels } from '../../../src/core/index';
import type { Kernels, OptimizerName, Param } from '../../../src/core/index';
import { plainWasmKernels } from '../kernels/wasm/fixtures';

/** p0 (20 values) and p1 (12 values): the range [8, 28) is p0[8 … 20) and p1[0 … 8). */
const LO = 8;
const HI = 28;
const WIDTH = HI - LO;

/** Params allocated by `kernels`; value j of param i is i + j / 8, its grad (j + 1) / 4 · (i + 1). */
function makeParams(kernels: Kernels): Param[] {
  return [20, 12].map((n, i) => {
    const value = kernels.allocate('float64', n);
    const grad = kernels.allocate('float64', n);
    for (let j = 0; j < n; j++) {
      value[j] = i + j / 8;
      grad[j] = ((j + 1) / 4) * (i + 1);
    }
    return { name: `layers.${2 * i}.W`, shape: [n], value, grad };
  });
}

function makeUpdate(
  optimizer: OptimizerName = 'sgd',
  kernels: Kernels = referenceKernels,
): { params: Param[]; update: RangeUpdate } {
  const params = makeParams(kernels);
  const update = new RangeUpdate(params, LO, HI, createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer }, kernels), kernels);
  return { params, update };
}

const flat = (params: Param[], field: 'grad' | 'value'): number[] => params.flatMap((p) => [...p[field]]);
/** A flat gradient of the range: element j is f(j). */
const rangeOf = (f: (j: number) => number): Float64Array => Float64Array.from({ length: WIDTH }, (_, j) => f(j));

describe('RangeUpdate', () => {
  it('slices the range out of the params: p0[8 … 20) and p1[0 … 8)', () => {
    const { update } = makeUpdate();
    expect(update.slices.map((s) => [s.name, s.offset, s.value.length])).toEqual([
      ['layers.0.W', 8, 12],
      ['layers.2.W', 0, 8],
    ]);
  });

  for (const [backend, kernels] of [
    ['reference', referenceKernels],
    ['WebAssembly', plainWasmKernels()],
  ] as const) {
    it(`reduce forms w_self · g + Σ w_k · g_k over the range only, in thread order (${backend} kernels)`, () => {
      const { params, update } = makeUpdate('sgd', kernels);
      const before = flat(params, 'grad');
      const g1 = rangeOf((j) => 3 * j - 7);
      const g2 = rangeOf((j) => 1 / (j + 1));
      expect(
        update.reduce(0.25, [
          { weight: 0.25, grads: update.perSlice(g1) },
          { weight: 0.5, grads: update.perSlice(g2) },
        ]),
      ).toBe(false);
      const after = flat(params, 'grad');
      after.forEach((g, i) => {
        const j = i - LO;
        const expected = j >= 0 && j < WIDTH ? 0.25 * before[i] + 0.25 * g1[j] + 0.5 * g2[j] : before[i];
        expect(g, `grad ${i}`).toBeCloseTo(expected, 14);
      });
    });
  }

  it('skips a zero-weight contribution: its NaNs do not leak into the reduced gradient', () => {
    const { params, update } = makeUpdate();
    const before = flat(params, 'grad');
    const poison = rangeOf(() => Number.NaN);
    expect(
      update.reduce(0.5, [
        { weight: 0, grads: update.perSlice(poison) },
        { weight: 0.5, grads: update.perSlice(rangeOf(() => 2)) },
      ]),
    ).toBe(false);
    flat(params, 'grad').forEach((g, i) => expect(g).toBe(i >= LO && i < HI ? 0.5 * before[i] + 1 : before[i]));
    expect(update.reduce(1, [{ weight: 0, grads: update.perSlice(poison) }])).toBe(false);
  });

  it('zeroes its own gradient first when its weight is 0 (a thread without rows): an old NaN there does not leak', () => {
    const { params, update } = makeUpdate();
    for (const s of update.slices) s.grad.fill(Number.NaN);
    const g1 = rangeOf((j) => j - 5);
    expect(update.reduce(0, [{ weight: 1, grads: update.perSlice(g1) }])).toBe(false);
    expect(update.slices.flatMap((s) => [...s.grad])).toEqual([...g1]);
    for (const s of update.slices) s.grad.fill(Number.NaN);
    expect(update.reduce(0, [{ weight: 0, grads: update.perSlice(g1) }])).toBe(false);
    expect(update.slices.flatMap((s) => [...s.grad])).toEqual(new Array<number>(WIDTH).fill(0));
    expect(params[0].grad[0]).toBe(0.25); // outside the range: untouched
  });

  it('reports a non-finite reduced gradient, from its own gradient, another thread’s, or an overflow of the sum', () => {
    const cases: [string, (u: RangeUpdate) => boolean][] = [
      [
        'own NaN',
        (u) => {
          u.slices[1].grad[3] = Number.NaN;
          return u.reduce(0.5, [{ weight: 0.5, grads: u.perSlice(rangeOf(() => 1)) }]);
        },
      ],
      [
        'own NaN, no other contributes',
        (u) => {
          u.slices[0].grad[0] = Number.NaN;
          return u.reduce(1, []);
        },
      ],
      ['other ∞', (u) => u.reduce(0.5, [{ weight: 0.5, grads: u.perSlice(rangeOf((j) => (j === 19 ? Infinity : 1))) }])],
      [
        'overflow',
        (u) =>
          u.reduce(1, [
            { weight: 1, grads: u.perSlice(rangeOf(() => 1.5e308)) },
            { weight: 1, grads: u.perSlice(rangeOf(() => 1.5e308)) },
          ]),
      ],
    ];
    for (const [what, reduce] of cases) expect(reduce(makeUpdate().update), what).toBe(true);
  });

  it('firstNonFinite returns the params() index of the first param whose part in the range is non-finite, else -1', () => {
    const { params, update } = makeUpdate();
    expect(update.firstNonFinite('grad')).toBe(-1);
    params[0].grad[2] = Number.NaN; // outside the range
    expect(update.firstNonFinite('grad')).toBe(-1);
    params[1].grad[7] = Number.NaN;
    expect(update.firstNonFinite('grad')).toBe(1);
    params[0].grad[19] = Number.NEGATIVE_INFINITY;
    expect(update.firstNonFinite('grad')).toBe(0);
    params[1].value[0] = Infinity;
    expect(update.firstNonFinite('value')).toBe(1);
  });

  it('apply steps the range only and reports a non-finite updated value', () => {
    const { params, update } = makeUpdate();
    const before = flat(params, 'value');
    const grads = flat(params, 'grad');
    expect(update.apply(0.5)).toBe(false);
    flat(params, 'value').forEach((v, i) => expect(v).toBe(i >= LO && i < HI ? before[i] - 0.5 * grads[i] : before[i]));
    expect(makeUpdate().update.apply(Infinity)).toBe(true);
  });

  it('restore puts back the values of before apply, once; after a fresh reduce without apply it is a no-op', () => {
    const { params, update } = makeUpdate('momentum');
    const start = flat(params, 'value');
    update.apply(0.1);
    update.restore();
    expect(flat(params, 'value')).toEqual(start);
    update.restore(); // nothing applied since
    expect(flat(params, 'value')).toEqual(start);

    update.apply(0.1);
    const stepped = flat(params, 'value');
    expect(stepped).not.toEqual(start);
    update.reduce(1, []); // the next step starts: an older step's values must never come back
    update.restore();
    expect(flat(params, 'value')).toEqual(stepped);
  });

  for (const [backend, kernels] of [
    ['reference', referenceKernels],
    ['WebAssembly', plainWasmKernels()],
  ] as const) {
    it(`reduceAndApply gives the bits of reduce then apply, fused for SGD with one other thread, for every optimizer (${backend} kernels)`, () => {
      const cases: [OptimizerName, number][] = [
        ['sgd', 1], // fused
        ['sgd', 2], // two others: reduce, then apply
        ['adam', 1], // an optimizer with state: reduce, then apply
      ];
      for (const [optimizer, othersCount] of cases) {
        const [a, b] = [makeUpdate(optimizer, kernels), makeUpdate(optimizer, kernels)];
        const others = (u: RangeUpdate): { weight: number; grads: ReturnType<RangeUpdate['perSlice']> }[] =>
          Array.from({ length: othersCount }, (_, k) => ({ weight: 0.25, grads: u.perSlice(rangeOf((j) => (j - k) / 3)) }));
        expect(a.update.reduceAndApply(0.5, others(a.update), 0.1)).toBe(false);
        b.update.reduce(0.5, others(b.update));
        expect(b.update.apply(0.1)).toBe(false);
        expect(flat(a.params, 'value'), optimizer).toEqual(flat(b.params, 'value'));
        expect(flat(a.params, 'grad'), optimizer).toEqual(flat(b.params, 'grad'));
        a.update.restore();
        b.update.restore();
        expect(flat(a.params, 'value')).toEqual(flat(b.params, 'value'));
      }
      const { update } = makeUpdate('sgd', kernels);
      expect(
        update.reduceAndApply(0.5, [{ weight: 0.5, grads: update.perSlice(rangeOf((j) => (j === 3 ? NaN : 1))) }], 0.1),
      ).toBe(true);
    });
  }

  it('restore copies back from the values another thread holds (apply given them), saving nothing of its own', () => {
    const { params, update } = makeUpdate();
    const start = flat(params, 'value');
    // The other thread's copy of this range: a sentinel shows restore reads it, not a copy made by apply.
    const held = update.perSlice(rangeOf((j) => 100 + j));
    update.apply(0.1, held);
    expect((update as unknown as { saved: unknown }).saved).toBeNull();
    update.restore();
    flat(params, 'value').forEach((v, i) => expect(v).toBe(i >= LO && i < HI ? 100 + i - LO : start[i]));
  });

  it("keeps the optimizer's state for the range in the whole param's tensor", () => {
    const params = makeParams(referenceKernels);
    const optimizer = createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: 'momentum' });
    new RangeUpdate(params, LO, HI, optimizer, referenceKernels).apply(0.5);
    const state = optimizer.exportState(params);
    expect(state.tensors.map((t) => [t.name, t.data.length])).toEqual([
      ['layers.0.W#v', 20],
      ['layers.2.W#v', 12],
    ]);
    const v = state.tensors.flatMap((t) => [...t.data]);
    v.forEach((x, i) => expect(x !== 0, `v[${i}]`).toBe(i >= LO && i < HI));
  });
});
