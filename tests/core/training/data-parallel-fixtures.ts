/** Shared set-up of the data-parallel Trainer tests: a small MLP, a spiral, a config, runs with or without in-thread shards. */
import { expect } from 'vitest';
import { createNetwork, makeSpiral, referenceKernels, Trainer } from '../../../src/core/index';
import type { ArchitectureSpec, Dataset, Kernels, TrainerState, TrainingConfig } from '../../../src/core/index';
import { DEFAULT_TRAINING_CONFIG } from '../../../src/core/spec';
import { inThreadShards, type Helper, type InThreadShards } from './in-thread-shards';

export const MLP: ArchitectureSpec = {
  inputSize: 2,
  layers: [{ type: 'Affine', units: 12 }, { type: 'Tanh' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};

/** 81 rows: with batches of 16 each epoch ends on a batch of one row, which leaves every helper without rows. */
export const DATA = makeSpiral({ samplesPerClass: 27, classes: 3, seed: 3 });

export const CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  optimizer: 'adam',
  learningRate: 0.02,
  batchSize: 16,
  epochs: 3,
  precision: 'float64',
  weightDecay: 0.01,
  seed: 5,
};

export interface Run {
  trainer: Trainer;
  /** Undefined for a one-thread run (parts = 1). */
  shards: InThreadShards | undefined;
}

export interface RunOptions {
  config?: TrainingConfig;
  data?: Dataset;
  kernels?: Kernels;
  afterGradient?: (helper: Helper) => void;
}

/** A Trainer on MLP and, for parts > 1, in-thread shards over its params. */
export function makeRun(parts: number, options: RunOptions = {}): Run {
  const { config = CONFIG, data = DATA, kernels = referenceKernels, afterGradient } = options;
  const network = createNetwork(MLP, { precision: config.precision, seed: config.seed, kernels });
  const trainer = new Trainer(network, data, config);
  const shards =
    parts > 1 ? inThreadShards({ spec: MLP, data, config, params: network.params(), parts, kernels, afterGradient }) : undefined;
  return { trainer, shards };
}

/** Trains `run` to the end (or `batches` batches), returning the losses. */
export function trainOn(run: Run, batches = Infinity): number[] {
  const losses: number[] = [];
  for (let b = 0; b < batches && !run.trainer.done; b++) losses.push(run.trainer.trainBatch(run.shards).loss);
  return losses;
}

/** Every parameter value of the run thread's network, flat. */
export function weightsOf(trainer: Trainer): number[] {
  return trainer.network.params().flatMap((p) => [...p.value]);
}

export const relativeError = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-12, Math.abs(a) + Math.abs(b));

/** Same length, and every element within `tolerance` relative error (a NaN fails). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tolerance = 1e-10): void {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = relativeError(actual[i], expected[i]);
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  expect(worst, what).toBeLessThan(tolerance);
}

/** Two TrainerStates equal up to float64 rounding: positions and order exactly, weights and optimizer tensors within 1e-10. */
export function expectSameState(actual: TrainerState, expected: TrainerState): void {
  const { weights, optimizer, order, ...positions } = actual;
  const { weights: w, optimizer: o, order: ord, ...expectedPositions } = expected;
  expect(positions).toEqual(expectedPositions);
  expect([...order]).toEqual([...ord]);
  expect(weights.map((t) => t.name)).toEqual(w.map((t) => t.name));
  weights.forEach((t, i) => expectClose(t.data, w[i].data, t.name));
  expect(optimizer === null).toBe(o === null);
  if (!optimizer || !o) return;
  expect(optimizer.step).toBe(o.step);
  expect(optimizer.tensors.map((t) => [t.name, t.shape])).toEqual(o.tensors.map((t) => [t.name, t.shape]));
  optimizer.tensors.forEach((t, i) => expectClose(t.data, o.tensors[i].data, t.name));
}
