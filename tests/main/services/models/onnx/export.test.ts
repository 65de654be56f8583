/** Tests the ONNX export by running it in onnxruntime-node and comparing with our engine's probabilities. */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { createRng } from '../../../../../src/core';
import { exportOnnx } from '../../../../../src/main/services/models/onnx/export';
import { Predictor } from '../../../../../src/main/services/models/predictor';
import { REGRESSOR, makeSnapshot } from '../../../../fixtures/models/snapshot';
import type { ModelSnapshot } from '../../../../../src/shared/model';

/** Max |ONNX − engine| over `n` seeded random raw rows. */
async function maxDifference(snapshot: ModelSnapshot, n: number): Promise<number> {
  const rng = createRng(99);
  const rows = Array.from({ length: n }, () => [rng.normal() * 3 + 1, rng.normal() - 2, rng.normal() * 5]);
  const ours = new Predictor(snapshot).predictRows(rows);
  const session = await ort.InferenceSession.create(exportOnnx(snapshot));
  const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [n, 3]);
  const result = await session.run({ features: input });
  const output = result.probabilities;
  const width = snapshot.classNames.length || 1;
  expect(output.dims).toEqual([n, width]);
  const data = output.data as Float32Array;
  let worst = 0;
  ours.forEach((p, i) => {
    const values = p.probabilities.length > 0 ? p.probabilities : [Number(p.predicted)];
    values.forEach((v, c) => {
      worst = Math.max(worst, Math.abs(v - data[i * width + c]));
    });
  });
  return worst;
}

describe('exportOnnx', () => {
  it('gives the same probabilities as the engine within 1e-5 in onnxruntime (float32 model with BN and Dropout)', async () => {
    expect(await maxDifference(makeSnapshot('float32'), 64)).toBeLessThan(1e-5);
  });

  it('matches a float64 model within 1e-5 (weights rounded to float32)', async () => {
    expect(await maxDifference(makeSnapshot('float64'), 64)).toBeLessThan(1e-5);
  });

  it('exports a regression model whose output is the predicted value', async () => {
    expect(await maxDifference(makeSnapshot('float32', REGRESSOR), 16)).toBeLessThan(1e-5);
  });
});
