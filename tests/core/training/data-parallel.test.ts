import { describe, expect, it } from 'vitest';
import {
  canSplitBatch,
  createNetwork,
  reduceShards,
  Trainer,
  type GradientShards,
  type Param,
  type ShardGradient,
} from '../../../src/core/index';
import { makeSpiral } from '../../../src/core/datasets/builtin/index';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec, type TrainingConfig } from '../../../src/core/spec';
import { BatchLoader } from '../../../src/core/training/batch-loader';
import { referenceKernels } from '../../../src/core/index';

const MLP: ArchitectureSpec = {
  inputSize: 2,
  layers: [{ type: 'Affine', units: 12 }, { type: 'Tanh' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};
const data = makeSpiral({ samplesPerClass: 30, classes: 3, seed: 3 });
const CONFIG: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  optimizer: 'adam',
  learningRate: 0.02,
  batchSize: 16,
  epochs: 3,
  precision: 'float64',
  weightDecay: 0.01,
  seed: 5,
};

/** Shards computed in this thread by a second network that receives the values each step (what the engine's helpers do). */
function inThreadShards(parts: number): GradientShards {
  const other = createNetwork(MLP, { precision: 'float64', seed: 99 });
  other.setWeightDecay(CONFIG.weightDecay);
  const loader = new BatchLoader(CONFIG.batchSize, data.d, 1, 'float64', referenceKernels);
  let pending: Int32Array = new Int32Array(0);
  return {
    localCount: (n) => Math.ceil(n / parts),
    start: (rows: Int32Array, params: readonly Param[]) => {
      pending = rows.slice();
      other.params().forEach((p, i) => p.value.set(params[i].value));
    },
    finish: (): ShardGradient[] => {
      const share = Math.ceil(pending.length / (parts - 1));
      const out: ShardGradient[] = [];
      for (let s = 0; s < pending.length; s += share) {
        const count = Math.min(share, pending.length - s);
        const { x, t } = loader.load(data, pending, s, count);
        const loss = other.gradient(x, t);
        out.push({ count, loss, grads: other.params().map((p) => p.grad.slice()) });
      }
      return out;
    },
  };
}

function trainAll(parts: number): { losses: number[]; weights: number[][] } {
  const network = createNetwork(MLP, { precision: 'float64', seed: CONFIG.seed });
  const trainer = new Trainer(network, data, CONFIG);
  const shards = parts > 1 ? inThreadShards(parts) : undefined;
  const losses: number[] = [];
  while (!trainer.done) losses.push(trainer.trainBatch(shards).loss);
  return { losses, weights: network.params().map((p) => [...p.value]) };
}

const relativeError = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-12, Math.abs(a) + Math.abs(b));

describe('data-parallel training in the core', () => {
  it('a batch split in 2 or 3 shards trains to the same weights and losses as one thread (float64, 1e-10 relative)', () => {
    const one = trainAll(1);
    for (const parts of [2, 3]) {
      const split = trainAll(parts);
      expect(split.losses.length).toBe(one.losses.length);
      split.losses.forEach((l, i) => expect(relativeError(l, one.losses[i])).toBeLessThan(1e-10));
      split.weights.flat().forEach((w, i) => expect(relativeError(w, one.weights.flat()[i])).toBeLessThan(1e-10));
    }
  });

  it('reduceShards weights each shard by its row count: (n_k / n) · g_k', () => {
    const p: Param = { name: 'w', shape: [2], value: new Float64Array(2), grad: Float64Array.of(1, 2) };
    const { loss, nonFinite } = reduceShards([p], 3, 4, [{ count: 1, loss: 8, grads: [Float64Array.of(5, 6)] }]);
    expect(loss).toBeCloseTo(0.75 * 4 + 0.25 * 8, 14);
    expect(nonFinite).toBe(false);
    expect([...p.grad]).toEqual([0.75 * 1 + 0.25 * 5, 0.75 * 2 + 0.25 * 6]);
  });

  it('reduceShards reports a non-finite reduced gradient, from the local gradient or from a shard', () => {
    const param = (g: number): Param => ({ name: 'w', shape: [2], value: new Float64Array(2), grad: Float64Array.of(1, g) });
    const shard = (g: number): ShardGradient => ({ count: 1, loss: 1, grads: [Float64Array.of(g, 2)] });
    expect(reduceShards([param(Number.NaN)], 1, 1, [shard(1)]).nonFinite).toBe(true);
    expect(reduceShards([param(2)], 1, 1, [shard(Number.POSITIVE_INFINITY)]).nonFinite).toBe(true);
    expect(reduceShards([param(2)], 1, 1, [shard(1), shard(Number.NEGATIVE_INFINITY)]).nonFinite).toBe(true);
    expect(reduceShards([param(2)], 1, 1, [shard(1), shard(3)]).nonFinite).toBe(false);
  });

  it('networks with BatchNormalization cannot be split (batch statistics couple the rows); others can', () => {
    expect(canSplitBatch(MLP)).toBe(true);
    expect(
      canSplitBatch({
        inputSize: 2,
        layers: [
          { type: 'Affine', units: 4 },
          { type: 'BatchNormalization' },
          { type: 'Relu' },
          { type: 'Affine', units: 3 },
          { type: 'SoftmaxWithLoss' },
        ],
      }),
    ).toBe(false);
  });
});
