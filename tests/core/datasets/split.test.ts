import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { splitIndices, takeRows } from '../../../src/core/datasets/split';
import type { Dataset } from '../../../src/core/datasets/dataset';

describe('splitIndices', () => {
  it('partitions every row exactly once into train, validation and test', () => {
    const s = splitIndices(100, { validation: 0.2, test: 0.1 }, createRng(1));
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([70, 20, 10]);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const a = splitIndices(50, { validation: 0.2, test: 0.2 }, createRng(7));
    const b = splitIndices(50, { validation: 0.2, test: 0.2 }, createRng(7));
    const c = splitIndices(50, { validation: 0.2, test: 0.2 }, createRng(8));
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
  });

  it('stratifies: each class keeps its proportion in every split', () => {
    // 80 rows of class 0, 20 of class 1.
    const y = Int32Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1));
    const s = splitIndices(100, { validation: 0.1, test: 0.2 }, createRng(3), y);
    const ones = (idx: Int32Array) => Array.from(idx).filter((i) => y[i] === 1).length;
    expect([ones(s.train), ones(s.validation), ones(s.test)]).toEqual([14, 2, 4]);
  });

  it('gives exactly the split of the previous plain-array algorithm for the same seed (stratified, unsorted classes)', () => {
    /** The former implementation (groups in plain arrays), kept here as the oracle. */
    const oracle = (n: number, f: { validation: number; test: number }, seed: number, classes: Int32Array) => {
      const rng = createRng(seed);
      const groups = new Map<number, number[]>();
      for (let i = 0; i < n; i++) (groups.get(classes[i]) ?? groups.set(classes[i], []).get(classes[i])!).push(i);
      const parts: number[][] = [[], [], []];
      for (const key of [...groups.keys()].sort((a, b) => a - b)) {
        const idx = Int32Array.from(groups.get(key)!);
        rng.shuffle(idx);
        const nTest = Math.round(idx.length * f.test);
        const nVal = Math.round(idx.length * f.validation);
        idx.forEach((r, k) => parts[k < nTest ? 2 : k < nTest + nVal ? 1 : 0].push(r));
      }
      return parts.map((p) => p.sort((a, b) => a - b));
    };
    const y = Int32Array.from({ length: 997 }, (_, i) => (i * 7919) % 5);
    const s = splitIndices(997, { validation: 0.15, test: 0.2 }, createRng(11), y);
    expect([Array.from(s.train), Array.from(s.validation), Array.from(s.test)]).toEqual(
      oracle(997, { validation: 0.15, test: 0.2 }, 11, y),
    );
  });

  it('splits millions of rows into typed arrays (no plain array of row indices)', () => {
    const n = 3_000_000;
    const y = new Int32Array(n).map((_, i) => i % 3);
    const s = splitIndices(n, { validation: 0.1, test: 0.1 }, createRng(2), y);
    expect(s.train).toBeInstanceOf(Int32Array);
    expect(s.train.length + s.validation.length + s.test.length).toBe(n);
    expect(s.test.length).toBe(300_000);
  });

  it('rejects fractions that leave no training rows', () => {
    expect(() => splitIndices(10, { validation: 0.5, test: 0.5 }, createRng(1))).toThrow(/expected less than 1/);
    expect(() => splitIndices(10, { validation: -0.1, test: 0 }, createRng(1))).toThrow(/validation fraction is -0.1/);
  });
});

describe('takeRows', () => {
  const data: Dataset = {
    name: 'd',
    n: 3,
    d: 2,
    x: Float32Array.from([1, 2, 3, 4, 5, 6]),
    featureNames: ['a', 'b'],
    target: { kind: 'classes', classNames: ['p', 'q'], y: Int32Array.from([0, 1, 0]) },
  };

  it('copies the selected rows and their labels in the given order', () => {
    const out = takeRows(data, Int32Array.from([2, 0]), 'sub');
    expect(Array.from(out.x)).toEqual([5, 6, 1, 2]);
    expect(out.target.kind === 'classes' && Array.from(out.target.y)).toEqual([0, 0]);
    expect(out.n).toBe(2);
  });

  it('puts the copy on a SharedArrayBuffer when asked', () => {
    expect(takeRows(data, Int32Array.from([1]), 'sub', true).x.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('rejects a row index outside the dataset', () => {
    expect(() => takeRows(data, Int32Array.from([3]), 'sub')).toThrow(/row 3 is outside \[0, 3\)/);
  });
});
