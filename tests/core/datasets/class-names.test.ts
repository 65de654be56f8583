import { describe, expect, it } from 'vitest';
import { encodeClasses, numericLabelKey, sortClassNames } from '../../../src/core/datasets/class-names';

describe('sortClassNames', () => {
  it('sorts numeric names numerically, not as text', () => {
    expect(sortClassNames(['10', '2', '1']).classNames).toEqual(['1', '2', '10']);
  });

  it('sorts text names by code point and maps each input position to its sorted index', () => {
    const { classNames, remap } = sortClassNames(['virginica', 'setosa', 'versicolor']);
    expect(classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(remap)).toEqual([2, 0, 1]);
  });
});

describe('encodeClasses', () => {
  it('turns first-appearance codes into sorted class indices', () => {
    const { classNames, y } = encodeClasses(Int32Array.from([0, 1, 0, 2]), ['b', 'c', 'a']);
    expect(classNames).toEqual(['a', 'b', 'c']);
    expect(Array.from(y)).toEqual([1, 2, 1, 0]);
  });
});

describe('numericLabelKey', () => {
  it('gives 1 and 1.0 the same key and -0 the key of 0', () => {
    expect(numericLabelKey(Number('1.0'))).toBe(numericLabelKey(1));
    expect(numericLabelKey(-0)).toBe('0');
  });
});
