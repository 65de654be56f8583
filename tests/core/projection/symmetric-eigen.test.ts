import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/core/projection/symmetric-eigen';

describe('symmetricEigen', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 3 and 1 along (1, 1)/√2 and (1, −1)/√2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0][0] * vectors[0][1]).toBeGreaterThan(0);
    expect(vectors[1][0] * vectors[1][1]).toBeLessThan(0);
  });

  it('A·v = λ·v for every pair of a 4×4 matrix, values sorted down', () => {
    const a = [4, 1, -2, 2, 1, 2, 0, 1, -2, 0, 3, -2, 2, 1, -2, -1];
    const { values, vectors } = symmetricEigen(a, 4);
    expect([...values].sort((x, y) => y - x)).toEqual(values);
    values.forEach((lambda, c) => {
      for (let i = 0; i < 4; i++) {
        const av = [0, 1, 2, 3].reduce((s, j) => s + a[i * 4 + j] * vectors[c][j], 0);
        expect(av).toBeCloseTo(lambda * vectors[c][i], 12);
      }
    });
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(4 + 2 + 3 - 1, 12);
  });
});
