import { describe, expect, it } from 'vitest';
import { BUILTIN_GENERATORS, makeSpiral } from '../../../../src/core/index';

describe('built-in datasets', () => {
  it('makes the 3-class spiral with 100 points per class by default', () => {
    const d = makeSpiral({ seed: 1 });
    expect([d.n, d.d, d.featureNames]).toEqual([300, 2, ['x1', 'x2']]);
    expect(d.target.kind === 'classes' && d.target.classNames.length).toBe(3);
    expect(Math.max(...Array.from(d.x).map(Math.abs))).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed for every generator and labels both classes', () => {
    for (const [name, gen] of Object.entries(BUILTIN_GENERATORS)) {
      const a = gen({ seed: 3, samples: 90 });
      const b = gen({ seed: 3, samples: 90 });
      const c = gen({ seed: 4, samples: 90 });
      expect(Array.from(a.x), name).toEqual(Array.from(b.x));
      expect(Array.from(a.x), name).not.toEqual(Array.from(c.x));
      if (a.target.kind !== 'classes') throw new Error('expected classes');
      expect(new Set(a.target.y).size, name).toBe(a.target.classNames.length);
    }
  });

  it('labels XOR by the sign of x1·x2 when noise is 0', () => {
    const d = BUILTIN_GENERATORS.xor({ samples: 50, seed: 2 });
    if (d.target.kind !== 'classes') throw new Error('expected classes');
    for (let i = 0; i < d.n; i++) expect(d.target.y[i]).toBe(d.x[2 * i] * d.x[2 * i + 1] >= 0 ? 0 : 1);
  });

  it('rejects bad options', () => {
    expect(() => makeSpiral({ classes: 1 })).toThrow(/classes must be an integer in \[2, 100\]/);
    expect(() => BUILTIN_GENERATORS.circles({ noise: -1 })).toThrow(/noise must be a finite number/);
  });
});
