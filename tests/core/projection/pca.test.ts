import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnMeans, fitPca } from '../../../src/core/projection/pca';
import { createRng } from '../../../src/core/rng';

const PYTHON = '/usr/bin/python3';
/** Why the numpy oracle cannot run here, or null when it can. */
function numpyMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent`;
  const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `numpy cannot be imported by ${PYTHON}: ${probe.stderr.trim()}`;
}
const missing = numpyMissing();

/** Correlated N×D rows: random normal factors mixed by a fixed matrix, with column scales that differ. */
function correlated(n: number, d: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: d }, () => rng.normal());
    for (let j = 0; j < d; j++) {
      let s = 5 + j;
      for (let m = 0; m <= j; m++) s += z[m] * (1 + ((j * 7 + m * 3) % 5)) * (m === 0 ? 3 : 1);
      x[i * d + j] = s;
    }
  }
  return x;
}

describe('fitPca', () => {
  it('finds the direction of points on the line y = 2x, with all the variance along it', () => {
    const pca = fitPca([-1, -2, 0, 0, 1, 2], 3, 2, 2);
    expect(Array.from(pca.mean)).toEqual([0, 0]);
    expect(pca.components[0][0]).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(pca.components[0][1]).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(pca.variance[0]).toBeCloseTo(10 / 3, 12);
    expect(pca.variance[1]).toBeCloseTo(0, 12);
    expect(pca.totalVariance).toBeCloseTo(10 / 3, 12);
    expect(Math.abs(pca.components[1][0] * pca.components[0][0] + pca.components[1][1] * pca.components[0][1])).toBeLessThan(
      1e-12,
    );
  });

  it('gives orthonormal components with decreasing variance and a positive largest element', () => {
    const pca = fitPca(correlated(300, 5, 3), 300, 5, 3);
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const d = pca.components[a].reduce((s, v, j) => s + v * pca.components[b][j], 0);
      expect(d).toBeCloseTo(a === b ? 1 : 0, 10);
    }
    expect(pca.variance[0]).toBeGreaterThan(pca.variance[1]);
    expect(pca.variance[1]).toBeGreaterThan(pca.variance[2]);
    for (const c of pca.components) {
      const big = c.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
      expect(big).toBeGreaterThan(0);
    }
  });

  it('rejects k outside 1..D and a wrong length', () => {
    expect(() => fitPca([1, 2, 3, 4], 2, 2, 3)).toThrow(/k must be an integer in 1\.\.2/);
    expect(() => fitPca([1, 2, 3], 2, 2, 1)).toThrow(/x has 3 values, expected n×d = 2×2/);
  });

  it('column means', () => {
    expect(Array.from(columnMeans([1, 10, 3, 30], 2, 2))).toEqual([2, 20]);
  });

  it.skipIf(missing !== null)(`matches numpy's eigh of the covariance (${missing ?? 'numpy present'})`, () => {
    const n = 400;
    const d = 6;
    const x = correlated(n, d, 11);
    const pca = fitPca(x, n, d, 3);
    const script = [
      'import sys, json, numpy as np',
      'a = json.load(sys.stdin); x = np.array(a["x"]).reshape(a["n"], a["d"])',
      'w, v = np.linalg.eigh(np.cov(x, rowvar=False, bias=True)); order = np.argsort(w)[::-1]',
      'print(json.dumps({"w": w[order].tolist(), "v": v[:, order].T.tolist(), "mean": x.mean(0).tolist()}))',
    ].join('\n');
    const out = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ x: Array.from(x), n, d }), encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const oracle = JSON.parse(out.stdout) as { w: number[]; v: number[][]; mean: number[] };
    oracle.mean.forEach((m, j) => expect(pca.mean[j]).toBeCloseTo(m, 10));
    for (let k = 0; k < 3; k++) {
      expect(pca.variance[k]).toBeCloseTo(oracle.w[k], 8);
      const sign = Math.sign(oracle.v[k].reduce((s, v, j) => s + v * pca.components[k][j], 0));
      oracle.v[k].forEach((v, j) => expect(pca.components[k][j]).toBeCloseTo(sign * v, 8));
    }
    expect(pca.totalVariance).toBeCloseTo(
      oracle.w.reduce((s, w) => s + w, 0),
      8,
    );
  });
});
