import { describe, expect, it } from 'vitest';
import { createOptimizer, DEFAULT_TRAINING_CONFIG, referenceKernels, sliceParam } from '../../../src/core/index';
import type { Kernels, OptimizerName, Param } from '../../../src/core/index';
import { plainWasmKernels } from '../kernels/wasm/fixtures';

const param = (value: number, grad: number): Param => ({
  name: 'layers.0.W',
  shape: [1],
  value: Float64Array.from([value]),
  grad: Float64Array.from([grad]),
});
const opt = (optimizer: OptimizerName) => createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer });

describe('optimizers', () => {
  it("follow the book's update formulas for two steps", () => {
    const lr = 0.1;
    const cases: [OptimizerName, number][] = [
      ['sgd', 1 - 0.1 * 2 - 0.1 * 2],
      ['momentum', 1 - 0.2 + (0.9 * -0.2 - 0.2)],
      [
        'nesterov',
        (() => {
          let w = 1,
            v = 0;
          for (let s = 0; s < 2; s++) {
            v = 0.9 * v - lr * 2;
            w += 0.81 * v - 1.9 * lr * 2;
          }
          return w;
        })(),
      ],
      ['adagrad', 1 - (0.1 * 2) / (2 + 1e-7) - (0.1 * 2) / (Math.sqrt(8) + 1e-7)],
      [
        'rmsprop',
        (() => {
          let w = 1,
            h = 0;
          for (let s = 0; s < 2; s++) {
            h = 0.99 * h + 0.01 * 4;
            w -= (lr * 2) / (Math.sqrt(h) + 1e-7);
          }
          return w;
        })(),
      ],
      [
        'adam',
        (() => {
          let w = 1,
            m = 0,
            v = 0;
          for (let s = 1; s <= 2; s++) {
            const lrT = (lr * Math.sqrt(1 - 0.999 ** s)) / (1 - 0.9 ** s);
            m += 0.1 * (2 - m);
            v += 0.001 * (4 - v);
            w -= (lrT * m) / (Math.sqrt(v) + 1e-7);
          }
          return w;
        })(),
      ],
    ];
    for (const [name, expected] of cases) {
      const p = param(1, 2);
      const o = opt(name);
      o.step([p], lr);
      o.step([p], lr);
      expect(p.value[0], name).toBeCloseTo(expected, 12);
    }
  });

  it('all minimise a quadratic', () => {
    for (const name of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const) {
      const p = param(3, 0);
      const o = opt(name);
      for (let i = 0; i < 500; i++) {
        p.grad[0] = 2 * p.value[0];
        o.step([p], name === 'adagrad' ? 0.5 : 0.05);
      }
      expect(Math.abs(p.value[0]), name).toBeLessThan(0.05);
    }
  });

  it('keep separate state per param', () => {
    const o = opt('momentum');
    const a = param(0, 1),
      b = param(0, 1);
    o.step([a], 1);
    o.step([b], 1);
    expect(b.value[0]).toBe(-1);
  });

  it('reject hyper-parameters out of range', () => {
    expect(() => createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: 'momentum', momentum: 1.5 })).toThrow(
      /momentum must be in \[0, 1\)/,
    );
  });
});

describe('optimizers over param slices', () => {
  const NAMES: OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
  /** A 5×7 param allocated by `kernels`, its values following `seed` (setGrad sets its grad for a step). */
  const matrixParam = (seed: number, kernels: Kernels = referenceKernels): Param => {
    const value = kernels.allocate('float64', 35);
    value.forEach((_, j) => (value[j] = Math.sin(seed + j)));
    return { name: 'layers.0.W', shape: [5, 7], value, grad: kernels.allocate('float64', 35) };
  };
  const setGrad = (p: Param, step: number): void => {
    p.grad.forEach((_, j) => (p.grad[j] = Math.cos(step * 3 + j) * (j % 4 === 0 ? 10 : 0.1)));
  };
  const backends: [string, () => Kernels][] = [
    ['reference', () => referenceKernels],
    ['WebAssembly', () => plainWasmKernels()],
  ];

  for (const [backend, kernels] of backends) {
    it(`stepping a param through two slices gives bit-identical values and state to stepping it whole (${backend} kernels)`, () => {
      const k = kernels();
      for (const name of NAMES) {
        const config = { ...DEFAULT_TRAINING_CONFIG, optimizer: name };
        const whole = matrixParam(1, k);
        const split = matrixParam(1, k);
        const slices = [sliceParam(split, 0, 16), sliceParam(split, 16, 19)];
        const wholeOpt = createOptimizer(config, k);
        const splitOpt = createOptimizer(config, k);
        for (let step = 0; step < 4; step++) {
          setGrad(whole, step);
          setGrad(split, step);
          wholeOpt.step([whole], 0.05);
          splitOpt.step(slices, 0.05);
        }
        expect([...split.value], name).toEqual([...whole.value]);
        expect(splitOpt.exportState([split]), name).toEqual(wholeOpt.exportState([whole]));
      }
    });
  }

  it('exportState of the whole params shows one whole tensor per slot after slice steps, named and shaped like the param', () => {
    const slots: Record<OptimizerName, string[]> = {
      sgd: [],
      momentum: ['v'],
      nesterov: ['v'],
      adagrad: ['h'],
      rmsprop: ['h'],
      adam: ['m', 'v'],
    };
    for (const name of NAMES) {
      const p = matrixParam(2);
      setGrad(p, 1);
      const o = createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: name });
      o.step([sliceParam(p, 0, 16), sliceParam(p, 16, 19)], 0.1);
      const state = o.exportState([p]);
      expect(state.step, name).toBe(name === 'adam' ? 1 : 0);
      expect(
        state.tensors.map((t) => [t.name, t.shape, t.data.length]),
        name,
      ).toEqual(slots[name].map((s) => [`layers.0.W#${s}`, [5, 7], 35]));
      for (const t of state.tensors) expect(t.data.every((x) => x !== 0)).toBe(true);
    }
  });
});
