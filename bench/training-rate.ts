/** Training rate of our engine on an MNIST-shaped synthetic dataset: what the kernel and peer benches compare. */
import { createNetwork, createRng, Trainer, DEFAULT_TRAINING_CONFIG } from '../src/core';
import type { ArchitectureSpec, Dataset, Kernels, OptimizerName, TrainingConfig } from '../src/core';
import { timePerCall } from './time-per-call';

/** A seeded MNIST-sized stand-in: `n` rows of 784 features in [0, 1), 10 classes. */
export function syntheticMnist(n: number): Dataset {
  const rng = createRng(7);
  const x = new Float32Array(n * 784);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const y = Int32Array.from({ length: n }, () => rng.int(10));
  const classNames = Array.from({ length: 10 }, (_, i) => String(i));
  return {
    name: 'synthetic-784',
    n,
    d: 784,
    x,
    featureNames: Array.from({ length: 784 }, (_, i) => `p${i}`),
    target: { kind: 'classes', classNames, y },
  };
}

/** The hidden layers' activation of the benched MLPs. */
export type HiddenActivation = 'Relu' | 'Sigmoid' | 'Tanh';

function mlp(hidden: number[], activation: HiddenActivation): ArchitectureSpec {
  return {
    inputSize: 784,
    layers: [
      ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: activation }]),
      { type: 'Affine', units: 10 },
      { type: 'SoftmaxWithLoss' },
    ],
  };
}

/**
 * Training samples/s (Trainer.trainBatch, SGD lr 0.1 unless another optimizer is named, batch 100, float32, Relu hidden
 * layers unless another activation is named) of one network on one backend.
 */
export function trainingSamplesPerSecond(
  kernels: Kernels,
  hidden: number[],
  data: Dataset,
  rounds: number,
  roundMs: number,
  optimizer: OptimizerName = 'sgd',
  activation: HiddenActivation = 'Relu',
): number {
  const config: TrainingConfig = {
    ...DEFAULT_TRAINING_CONFIG,
    optimizer,
    learningRate: optimizer === 'sgd' ? 0.1 : 0.001,
    batchSize: 100,
    epochs: 1_000_000,
    seed: 1,
  };
  const trainer = new Trainer(createNetwork(mlp(hidden, activation), { precision: 'float32', seed: 1, kernels }), data, config);
  const ms = timePerCall(() => trainer.trainBatch(), rounds, roundMs);
  return (config.batchSize * 1000) / ms;
}
