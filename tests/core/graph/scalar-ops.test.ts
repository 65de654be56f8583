import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { OP_NAMES, SCALAR_OPS, type OpName } from '../../../src/core/graph/scalar-ops';

/** Inputs inside each op's smooth domain (log and pow need x > 0, ReLU and max stay away from their kinks). */
function inputsFor(op: OpName, next: () => number): number[] {
  const away = () => (next() < 0.5 ? -1 : 1) * (0.2 + 2 * next());
  switch (op) {
    case 'log':
    case 'pow':
      return [0.3 + 3 * next()];
    case 'div':
      return [away(), away()];
    case 'max': {
      const a = away();
      return [a, a + away()];
    }
    case 'sum':
      return [away(), away(), away()];
    default:
      return Array.from({ length: SCALAR_OPS[op].arity as number }, away);
  }
}

describe('every scalar node backward against a central difference', () => {
  for (const name of OP_NAMES) {
    it(`${name}: backward(dout) matches dout × (f(x + h) − f(x − h)) / 2h on random inputs`, () => {
      const rng = createRng(1234 + name.length);
      const op = SCALAR_OPS[name];
      for (let trial = 0; trial < 20; trial++) {
        const x = inputsFor(name, () => rng.next());
        const p = name === 'pow' ? [2, 3, -1, 0.5][trial % 4] : 0;
        const y = op.forward(x, p);
        const dout = 0.5 + rng.next();
        const dx = op.backward(dout, x, y, p);
        expect(dx).toHaveLength(x.length);
        x.forEach((_, k) => {
          const h = 1e-6;
          const plus = x.map((v, i) => (i === k ? v + h : v));
          const minus = x.map((v, i) => (i === k ? v - h : v));
          const numeric = (dout * (op.forward(plus, p) - op.forward(minus, p))) / (2 * h);
          expect(Math.abs(dx[k] - numeric) / Math.max(1, Math.abs(numeric))).toBeLessThan(1e-6);
        });
      }
    });
  }

  it('never mutates its inputs', () => {
    const x = [1.5, -2];
    SCALAR_OPS.mul.backward(3, x, SCALAR_OPS.mul.forward(x, 0), 0);
    expect(x).toEqual([1.5, -2]);
  });

  it('Add passes dout through unchanged; Mul multiplies it by the other input', () => {
    expect(SCALAR_OPS.add.backward(1.3, [2, 5], 7, 0)).toEqual([1.3, 1.3]);
    expect(SCALAR_OPS.mul.backward(1.3, [2, 5], 10, 0)).toEqual([1.3 * 5, 1.3 * 2]);
  });

  it('sigmoid is stable for large |x| and its backward is y(1 − y)', () => {
    expect(SCALAR_OPS.sigmoid.forward([-800], 0)).toBe(0);
    expect(SCALAR_OPS.sigmoid.forward([800], 0)).toBe(1);
    const y = SCALAR_OPS.sigmoid.forward([0.5], 0);
    expect(SCALAR_OPS.sigmoid.backward(1, [0.5], y, 0)[0]).toBeCloseTo(y * (1 - y), 15);
  });
});
