/** trainCurve: the losses it records and the rows it reports as trained on (each batch's rows, short last batches included). */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/datasets/dataset';
import type { TrainedNetwork } from '../../../src/core/experiments/experiment';
import { trainCurve } from '../../../src/core/experiments/train-curve';
import type { ArchitectureSpec } from '../../../src/core/spec';

/** `n` rows of 3 features in 2 classes. */
function rows(n: number): Dataset {
  const x = Float32Array.from({ length: n * 3 }, (_, i) => ((i * 7) % 11) / 11);
  return {
    name: 'tiny',
    n,
    d: 3,
    x,
    featureNames: ['a', 'b', 'c'],
    target: { kind: 'classes', classNames: ['no', 'yes'], y: Int32Array.from({ length: n }, (_, i) => i % 2) },
  };
}

const spec: ArchitectureSpec = { inputSize: 3, layers: [{ type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }] };

function trained(n: number, iterations?: number): TrainedNetwork {
  let network: TrainedNetwork | null = null;
  trainCurve({
    spec,
    config: { batchSize: 10, epochs: 2, optimizer: 'sgd', learningRate: 0.1, seed: 3 },
    train: rows(n),
    iterations,
    hooks: { onTrained: (t) => (network = t) },
  });
  if (network === null) throw new Error('expected onTrained');
  return network;
}

describe('trainCurve', () => {
  it('counts the rows of every batch, an epoch’s short last batch as short', () => {
    // 25 rows in batches of 10: 10 + 10 + 5 per epoch, two epochs.
    const t = trained(25);
    expect(t.losses).toHaveLength(6);
    expect(t.samples).toBe(50);
  });

  it('counts the rows of the iterations trained when stopped by an iteration count', () => {
    // 4 iterations: the first epoch's 10 + 10 + 5, then 10 of the second.
    const t = trained(25, 4);
    expect(t.losses).toHaveLength(4);
    expect(t.samples).toBe(35);
  });
});
