/** Shared fixtures of the engine tests: a tiny shared-memory dataset, a small MLP, a quick config, the built worker's path. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeSpiral } from '../../../src/core/datasets/builtin/index';
import type { Dataset } from '../../../src/core/datasets/dataset';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec, type TrainingConfig } from '../../../src/core/spec';

/** out/main/engine-worker.js, built by `npx electron-vite build` (npm test builds before the unit tests). */
export const WORKER_PATH = resolve(import.meta.dirname, '../../../out/main/engine-worker.js');
/** A test-only worker: fails as BACKPROP_TEST_FAULT says (see fault-worker.mjs), else runs the built worker. */
export const FAULT_WORKER_PATH = resolve(import.meta.dirname, 'fault-worker.mjs');

/** Make the workers started from now on fail in the given way (null: normal workers again). */
export function setTestFault(fault: 'throw' | 'oom' | 'exit' | 'hang' | null): void {
  if (fault) process.env.BACKPROP_TEST_FAULT = fault;
  else delete process.env.BACKPROP_TEST_FAULT;
}
export const CLI_PATH = resolve(import.meta.dirname, '../../../out/main/cli.js');
/** Why the worker tests are skipped, or null when the build output is there. */
export const NO_BUILD = existsSync(WORKER_PATH) ? null : `skipped: ${WORKER_PATH} is missing; run npx electron-vite build first`;

/** A spiral of `samplesPerClass`×3 rows whose x lives on a SharedArrayBuffer, as the dataset service provides. */
export function sharedSpiral(samplesPerClass = 40, seed = 1): Dataset {
  const data = makeSpiral({ samplesPerClass, classes: 3, seed });
  const x = new Float32Array(new SharedArrayBuffer(data.x.byteLength));
  x.set(data.x);
  return { ...data, x };
}

export const SPIRAL_MLP: ArchitectureSpec = {
  inputSize: 2,
  layers: [{ type: 'Affine', units: 16 }, { type: 'Relu' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};

export const QUICK_CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  optimizer: 'sgd',
  learningRate: 0.5,
  batchSize: 10,
  epochs: 3,
  seed: 7,
};
