import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, Trainer, createNetwork, makeSpiral } from '../../../src/core/index';
import type { ArchitectureSpec, Dataset, OptimizerName, Precision, TrainingConfig } from '../../../src/core/index';

/** Dropout, BatchNorm and a short last batch: every piece of state a resume must carry. */
const SPEC: ArchitectureSpec = {
  inputSize: 2,
  layers: [
    { type: 'Affine', units: 12 },
    { type: 'BatchNormalization' },
    { type: 'Relu' },
    { type: 'Dropout', ratio: 0.3 },
    { type: 'Affine', units: 3 },
    { type: 'SoftmaxWithLoss' },
  ],
};

function trainer(data: Dataset, config: TrainingConfig): Trainer {
  return new Trainer(createNetwork(SPEC, { precision: config.precision, seed: config.seed }), data, config);
}

/** Train until `stop` batches were trained (or the end); returns every loss. */
function run(t: Trainer, stop = Infinity): number[] {
  const losses: number[] = [];
  while (!t.done && losses.length < stop) losses.push(t.trainBatch().loss);
  return losses;
}

const bits = (t: Trainer) =>
  t.network.exportState().map((x) => [x.name, Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength))]);

describe('Trainer exportState / importState', () => {
  const data = makeSpiral({ seed: 4, samplesPerClass: 35 }); // 105 rows: batches of 16 end each epoch on a 9-row batch
  const cases: [Precision, OptimizerName][] = [
    ['float32', 'adam'],
    ['float64', 'adam'],
    ['float32', 'momentum'],
    ['float64', 'rmsprop'],
  ];

  it.each(cases)(
    'a trainer restored mid-run (%s, %s) continues bit for bit like the uninterrupted one',
    (precision, optimizer) => {
      const config: TrainingConfig = {
        ...DEFAULT_TRAINING_CONFIG,
        precision,
        optimizer,
        learningRate: 0.01,
        batchSize: 16,
        epochs: 6,
        seed: 11,
      };
      const whole = trainer(data, config);
      const wholeLosses = run(whole);

      for (const at of [14, 17]) {
        // an epoch boundary (2 × 7 batches) and mid-epoch
        const first = trainer(data, config);
        const before = run(first, at);
        const state = first.exportState();
        const resumed = trainer(data, config); // a fresh process: same seed, a different RNG position until imported
        resumed.importState(state);
        const after = run(resumed);
        expect([...before, ...after]).toEqual(wholeLosses);
        expect(bits(resumed)).toEqual(bits(whole));
      }
    },
  );

  it('holds copies: training on after exportState does not change the saved state', () => {
    const config: TrainingConfig = { ...DEFAULT_TRAINING_CONFIG, optimizer: 'adam', batchSize: 16, epochs: 2, seed: 1 };
    const t = trainer(data, config);
    run(t, 3);
    const state = t.exportState();
    const copy = structuredClone(state);
    run(t, 3);
    expect(state).toEqual(copy);
  });

  it('rejects a state that does not fit, naming what is wrong', () => {
    const config: TrainingConfig = { ...DEFAULT_TRAINING_CONFIG, optimizer: 'adam', batchSize: 16, epochs: 2, seed: 1 };
    const t = trainer(data, config);
    const state = t.exportState();
    expect(() => t.importState({ ...state, order: state.order.slice(1) })).toThrow(/order has 104 rows, the training set 105/);
    expect(() => t.importState({ ...state, order: new Int32Array(105) })).toThrow(/not a permutation .*index 1 holds 0/);
    expect(() => t.importState({ ...state, batchInEpoch: 7 })).toThrow(/batchInEpoch 7 is not below the 7 batches/);
    expect(() => t.importState({ ...state, optimizer: { step: 0, tensors: state.optimizer?.tensors.slice(1) ?? [] } })).toThrow(
      /missing tensor "layers\.0\.W#m"/,
    );
    const sgd = trainer(data, { ...config, optimizer: 'sgd' });
    expect(() => sgd.importState(state)).toThrow(/unknown or repeated tensor\(s\) layers\.0\.W#m/);
  });
});
