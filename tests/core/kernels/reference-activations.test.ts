/** The reference activations: each forward's values at the edges, and each backward against a central difference of its forward. */
import { describe, expect, it } from 'vitest';
import { activationBackward, activationForward } from '../../../src/core/kernels/reference-activations';
import type { ActivationKind } from '../../../src/core/kernels/kernels';

const f = (kind: ActivationKind, xs: number[]): number[] => {
  const y = new Float64Array(xs.length);
  activationForward(kind, Float64Array.from(xs), y);
  return Array.from(y);
};

describe('reference activations', () => {
  it('relu keeps NaN and −0, zeroes negatives and passes the gradient only where x > 0', () => {
    expect(f('relu', [Number.NaN, -0, -2, 3, -Infinity, Infinity])).toEqual([Number.NaN, -0, 0, 3, 0, Infinity]);
    const dx = new Float64Array(3);
    activationBackward('relu', Float64Array.of(5, 5, 5), Float64Array.of(-1, 0, 2), new Float64Array(3), dx);
    expect(Array.from(dx)).toEqual([0, 0, 5]);
  });

  it('sigmoid and tanh saturate without NaN at ±Infinity and keep NaN', () => {
    expect(f('sigmoid', [-Infinity, -1000, 0, 1000, Infinity, Number.NaN])).toEqual([0, 0, 0.5, 1, 1, Number.NaN]);
    expect(f('tanh', [-Infinity, -0, 30, Number.NaN])).toEqual([-1, -0, 1, Number.NaN]);
  });

  for (const kind of ['sigmoid', 'tanh'] as const) {
    it(`${kind} backward is dout times the slope of its forward (central difference)`, () => {
      const xs = [-3, -0.7, 0.1, 2.5];
      const y = Float64Array.from(f(kind, xs));
      const dout = Float64Array.of(1.5, -2, 0.25, 3);
      const dx = new Float64Array(4);
      activationBackward(kind, dout, Float64Array.from(xs), y, dx);
      const h = 1e-6;
      xs.forEach((x, i) => {
        const slope = (f(kind, [x + h])[0] - f(kind, [x - h])[0]) / (2 * h);
        expect(dx[i]).toBeCloseTo(dout[i] * slope, 8);
      });
    });
  }

  it('rejects a kind it does not know', () => {
    expect(() => activationForward('gelu' as ActivationKind, new Float64Array(1), new Float64Array(1))).toThrow(
      `activation: kind must be 'relu', 'sigmoid' or 'tanh', got "gelu"`,
    );
  });
});
