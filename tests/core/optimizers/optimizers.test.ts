import { describe, expect, it } from 'vitest';
import { createOptimizer, DEFAULT_TRAINING_CONFIG } from '../../../src/core/index';
import type { OptimizerName, Param } from '../../../src/core/index';

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
