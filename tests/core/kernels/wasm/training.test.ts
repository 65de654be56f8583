/** Whole training runs through createNetwork and the Trainer: the wasm kernels follow the reference run step by step. */
import { describe, expect, it } from 'vitest';
import { createNetwork, createRng, referenceKernels, Trainer, DEFAULT_TRAINING_CONFIG } from '../../../../src/core';
import type { ArchitectureSpec, Dataset, Kernels, Precision, TrainingConfig } from '../../../../src/core';
import { plainWasmKernels } from './fixtures';

const wasm = plainWasmKernels();

/** 150 rows of 37 features in 5 Gaussian blobs: the last batch of 32 is partial, so the batch size changes mid-epoch. */
function blobs(): Dataset {
  const rng = createRng(3);
  const n = 150;
  const d = 37;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 5;
    for (let j = 0; j < d; j++) x[i * d + j] = (j % 5 === y[i] ? 1.5 : 0) + rng.normal();
  }
  const classNames = ['a', 'b', 'c', 'd', 'e'];
  return {
    name: 'blobs',
    n,
    d,
    x,
    featureNames: Array.from({ length: d }, (_, j) => `x${j}`),
    target: { kind: 'classes', classNames, y },
  };
}

const SPEC: ArchitectureSpec = {
  inputSize: 37,
  layers: [
    { type: 'Affine', units: 29 },
    { type: 'BatchNormalization' },
    { type: 'Relu' },
    { type: 'Affine', units: 13 },
    { type: 'Tanh' },
    { type: 'Dropout', ratio: 0.2 },
    { type: 'Affine', units: 5 },
    { type: 'SoftmaxWithLoss' },
  ],
};

/** Losses of every batch and the final parameters of a 4-epoch Adam run on `kernels`. */
function run(kernels: Kernels, precision: Precision): { losses: number[]; params: Float64Array[] } {
  const config: TrainingConfig = {
    ...DEFAULT_TRAINING_CONFIG,
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    epochs: 4,
    seed: 5,
    precision,
  };
  const network = createNetwork(SPEC, { precision, seed: 11, kernels });
  const trainer = new Trainer(network, blobs(), config);
  const losses: number[] = [];
  while (!trainer.done) losses.push(trainer.trainBatch().loss);
  return { losses, params: network.params().map((p) => Float64Array.from(p.value)) };
}

describe('training with the wasm kernels', () => {
  for (const [precision, tolerance] of [
    ['float64', 1e-9],
    ['float32', 5e-4],
  ] as const) {
    it(`follows the reference run batch by batch and ends with the same weights (${precision})`, () => {
      const reference = run(referenceKernels, precision);
      const fast = run(wasm, precision);
      expect(fast.losses.length).toBe(20);
      expect(reference.losses[19]).toBeLessThan(reference.losses[0] * 0.5); // it did learn: a real run, not a no-op
      fast.losses.forEach((loss, i) => expect(Math.abs(loss - reference.losses[i]), `batch ${i + 1}`).toBeLessThan(tolerance));
      fast.params.forEach((value, p) => {
        let worst = 0;
        value.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - reference.params[p][i]))));
        expect(worst, `parameter ${p}`).toBeLessThan(tolerance);
      });
    });
  }
});
