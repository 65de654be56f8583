/** Tests Predictor: the stored normalization is applied, class names and probabilities line up, bad rows are named. */
import { describe, expect, it } from 'vitest';
import { createNetwork, createRng, matrix, referenceKernels } from '../../../../src/core';
import { Predictor } from '../../../../src/main/services/models/predictor';
import { REGRESSOR, makeSnapshot } from '../../../fixtures/models/snapshot';

describe('Predictor', () => {
  it('normalizes raw rows with the stored offset and scale before the network', () => {
    const snapshot = makeSnapshot('float64');
    const network = createNetwork(snapshot.architecture, { precision: 'float64', seed: 1 });
    network.importState(snapshot.tensors);
    const raw = [3, -1, 6.5];
    const normalized = raw.map((v, j) =>
      Math.fround((v - snapshot.normalization.offset[j]) * (1 / snapshot.normalization.scale[j])),
    );
    const expected = Array.from(network.probabilities(matrix(1, 3, Float64Array.from(normalized))).data);
    const [p] = new Predictor(snapshot).predictRows([raw]);
    // The Predictor runs on the WebAssembly kernels: float64 rounding apart from the reference network's.
    expect(p.probabilities).toHaveLength(expected.length);
    p.probabilities.forEach((v, c) => expect(Math.abs(v - expected[c])).toBeLessThan(1e-12));
    expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p.predicted).toBe(snapshot.classNames[expected.indexOf(Math.max(...expected))]);
    expect(p.row).toBe(1);
  });

  it('gives the value as the prediction for regression', () => {
    const [p] = new Predictor(makeSnapshot('float32', REGRESSOR)).predictRows([[1, 2, 3]]);
    expect(p.probabilities).toEqual([]);
    expect(Number.isFinite(Number(p.predicted))).toBe(true);
  });

  it('names the row and column of a bad value', () => {
    const predictor = new Predictor(makeSnapshot('float32'));
    expect(() =>
      predictor.predictRows([
        [1, 2, 3],
        [1, NaN, 3],
      ]),
    ).toThrow('row 2, column "width": NaN is not a finite number');
    expect(() => predictor.predictRows([[1, 2]])).toThrow(/row 1 has 2 values, expected 3/);
  });
});

describe('Predictor on the fast kernels, in chunks', () => {
  const rng = createRng(3);
  /** More rows than one chunk of the fixture network (4096), so the last chunk is partial. */
  const raw = Float32Array.from({ length: 5000 * 3 }, () => rng.normal() * 3);

  it('predicts what the reference kernels predict (float64 within 1e-12, float32 within 1e-6)', () => {
    for (const [precision, tolerance] of [
      ['float64', 1e-12],
      ['float32', 1e-6],
    ] as const) {
      const fast = new Predictor(makeSnapshot(precision));
      expect(fast.kernelsName).toMatch(/^wasm/);
      const reference = new Predictor(makeSnapshot(precision), referenceKernels).predictFeatures(raw);
      fast.predictFeatures(raw).forEach((p, i) => {
        expect(p.predicted).toBe(reference[i].predicted);
        p.probabilities.forEach((v, c) => expect(Math.abs(v - reference[i].probabilities[c])).toBeLessThan(tolerance));
      });
    }
  });

  it('gives every row bit for bit whether it is predicted among 5000 (two chunks) or alone', () => {
    const predictor = new Predictor(makeSnapshot('float32'));
    expect(predictor.chunkRows).toBeLessThan(5000);
    const all = predictor.predictFeatures(raw);
    for (const row of [0, 1, predictor.chunkRows - 1, predictor.chunkRows, 4999]) {
      expect(predictor.predictFeatures(raw.subarray(row * 3, row * 3 + 3), row + 1)).toEqual([all[row]]);
    }
  });

  it('predictFeaturesYielding gives the same predictions and lets the event loop run between chunks', async () => {
    const predictor = new Predictor(makeSnapshot('float32'));
    let turns = 0;
    let finished = false;
    const tick = (): void => {
      if (finished) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await predictor.predictFeaturesYielding(raw);
    finished = true;
    expect(turns).toBeGreaterThan(0);
    expect(result).toEqual(predictor.predictFeatures(raw));
  });
});
