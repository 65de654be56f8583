/** Data-parallel training in the core: a batch split across (in-thread) shards trains like one thread. */
import { describe, expect, it } from 'vitest';
import { canSplitBatch, referenceKernels } from '../../../src/core/index';
import type { Kernels, OptimizerName } from '../../../src/core/index';
import { plainWasmKernels } from '../kernels/wasm/fixtures';
import { CONFIG, DATA, expectClose, makeRun, MLP, trainOn, weightsOf } from './data-parallel-fixtures';

/** Losses of every batch and the final weights of a run split in `parts` (1: one thread). */
function trainAll(parts: number, options: Parameters<typeof makeRun>[1] = {}): { losses: number[]; weights: number[] } {
  const run = makeRun(parts, options);
  const losses = trainOn(run);
  return { losses, weights: weightsOf(run.trainer) };
}

describe('data-parallel training in the core', () => {
  it('the fixture ends each epoch on a one-row batch, which leaves every helper without rows', () => {
    expect(DATA.n % CONFIG.batchSize).toBe(1);
  });

  const backends: [string, () => Kernels][] = [
    ['reference', () => referenceKernels],
    ['WebAssembly', () => plainWasmKernels()],
  ];
  for (const [backend, kernels] of backends) {
    it(`a batch split in 2 or 3 shards trains to the same weights and losses as one thread (${backend} kernels, float64, Adam, weight decay, 1e-10 relative)`, () => {
      const k = kernels();
      const one = trainAll(1, { kernels: k });
      expect(one.losses.length).toBe(3 * Math.ceil(DATA.n / CONFIG.batchSize));
      for (const parts of [2, 3]) {
        const split = trainAll(parts, { kernels: k });
        expectClose(split.losses, one.losses, `losses, ${parts} shards`);
        expectClose(split.weights, one.weights, `weights, ${parts} shards`);
      }
    });
  }

  it('every other optimizer (sgd, momentum, nesterov, adagrad, rmsprop) trains split in 2 or 3 shards as on one thread', () => {
    const optimizers: OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop'];
    for (const optimizer of optimizers) {
      const config = { ...CONFIG, optimizer, learningRate: optimizer === 'adagrad' ? 0.1 : 0.05 };
      const one = trainAll(1, { config });
      for (const parts of [2, 3]) {
        const split = trainAll(parts, { config });
        expectClose(split.losses, one.losses, `${optimizer} losses, ${parts} shards`);
        expectClose(split.weights, one.weights, `${optimizer} weights, ${parts} shards`);
      }
    }
  });

  it('the helpers end every step with the same weights as the run thread (their ranges were exchanged)', () => {
    const run = makeRun(3);
    trainOn(run, 4);
    const main = weightsOf(run.trainer);
    for (const h of run.shards?.helpers ?? []) expect(h.params.flatMap((p) => [...p.value])).toEqual(main);
    expect(run.shards?.helpers.length).toBe(2);
  });

  it('the shards get the values and optimizer state once, before the first split step', () => {
    const run = makeRun(2);
    trainOn(run);
    expect(run.shards?.calls).toEqual({ load: 1, gather: 0 });
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
