import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, Trainer, createNetwork, makeSpiral, makeXor } from '../../../src/core/index';
import type { ArchitectureSpec, Dataset, TrainingConfig } from '../../../src/core/index';

function train(spec: ArchitectureSpec, data: Dataset, config: Partial<TrainingConfig>): Trainer {
  const cfg = { ...DEFAULT_TRAINING_CONFIG, ...config };
  const trainer = new Trainer(createNetwork(spec, { precision: cfg.precision, seed: cfg.seed }), data, cfg);
  while (!trainer.done) trainer.trainBatch();
  return trainer;
}

const mlp = (inputs: number, hidden: number, classes: number): ArchitectureSpec => ({
  inputSize: inputs,
  layers: [{ type: 'Affine', units: hidden }, { type: 'Relu' }, { type: 'Affine', units: classes }, { type: 'SoftmaxWithLoss' }],
});

describe('Trainer', () => {
  it('learns XOR to 100 % training accuracy', () => {
    const data = makeXor({ samples: 200, seed: 1 });
    const t = train(mlp(2, 16, 2), data, { optimizer: 'adam', learningRate: 0.02, batchSize: 20, epochs: 150, seed: 3 });
    expect(t.evaluate(data).accuracy).toBe(1);
  });

  it('learns the 3-class spiral to ≥ 95 % training accuracy', () => {
    const data = makeSpiral({ seed: 1 });
    const t = train(mlp(2, 100, 3), data, { optimizer: 'adam', learningRate: 0.01, batchSize: 30, epochs: 300, seed: 1 });
    expect(t.evaluate(data).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('gives bit-identical weights and losses for the same seed, and different ones for another seed', () => {
    const data = makeSpiral({ seed: 2, samplesPerClass: 40 });
    const cfg = { optimizer: 'momentum' as const, learningRate: 0.05, batchSize: 16, epochs: 3, seed: 5 };
    const spec: ArchitectureSpec = {
      inputSize: 2,
      layers: [
        { type: 'Affine', units: 10 },
        { type: 'Relu' },
        { type: 'Dropout', ratio: 0.2 },
        { type: 'Affine', units: 3 },
        { type: 'SoftmaxWithLoss' },
      ],
    };
    const a = train(spec, data, cfg),
      b = train(spec, data, cfg),
      c = train(spec, data, { ...cfg, seed: 6 });
    expect(a.network.exportState()).toEqual(b.network.exportState());
    expect(a.network.exportState()).not.toEqual(c.network.exportState());
  });

  it('counts epochs, iterations and batches, ending each epoch on a short last batch', () => {
    const data = makeXor({ samples: 10, seed: 1 });
    const t = new Trainer(createNetwork(mlp(2, 4, 2), { precision: 'float32', seed: 1 }), data, {
      ...DEFAULT_TRAINING_CONFIG,
      batchSize: 4,
      epochs: 2,
    });
    const results = [];
    while (!t.done) results.push(t.trainBatch());
    expect(results.map((r) => [r.epoch, r.iteration, r.batchInEpoch, r.epochEnded])).toEqual([
      [0, 1, 1, false],
      [0, 2, 2, false],
      [0, 3, 3, true],
      [1, 4, 1, false],
      [1, 5, 2, false],
      [1, 6, 3, true],
    ]);
    expect(results[0].batchesPerEpoch).toBe(3);
    expect(() => t.trainBatch()).toThrow(/done/);
  });

  it('stops at maxIterations and uses the live learning-rate override', () => {
    const data = makeXor({ samples: 40, seed: 1 });
    const t = new Trainer(createNetwork(mlp(2, 4, 2), { precision: 'float32', seed: 1 }), data, {
      ...DEFAULT_TRAINING_CONFIG,
      batchSize: 4,
      maxIterations: 3,
    });
    expect(t.trainBatch().learningRate).toBe(0.01);
    t.learningRateOverride = 0.5;
    expect(t.trainBatch().learningRate).toBe(0.5);
    t.trainBatch();
    expect(t.done).toBe(true);
  });

  it('reports a non-finite loss or weight and keeps the last finite weights', () => {
    const data = makeXor({ samples: 8, seed: 1 });
    const spec = mlp(2, 4, 2);
    const bad: Dataset = { ...data, x: data.x.slice() };
    bad.x[0] = NaN;
    const t = new Trainer(createNetwork(spec, { precision: 'float32', seed: 1 }), bad, {
      ...DEFAULT_TRAINING_CONFIG,
      batchSize: 8,
      optimizer: 'sgd',
    });
    const before = t.network.exportState();
    expect(t.trainBatch().nonFinite).toEqual({ where: 'loss', layer: null, parameter: null });
    expect(t.network.exportState()).toEqual(before);
    const u = new Trainer(createNetwork(spec, { precision: 'float32', seed: 1 }), data, {
      ...DEFAULT_TRAINING_CONFIG,
      batchSize: 8,
      optimizer: 'sgd',
    });
    u.learningRateOverride = 1e300;
    const before2 = u.network.exportState();
    expect(u.trainBatch().nonFinite).toMatchObject({ where: 'weight', layer: 0, parameter: 'layers.0.W' });
    expect(u.network.exportState()).toEqual(before2);
  });

  it('evaluates in batches with the same accuracy as the network on the whole set, null for regression', () => {
    const data = makeSpiral({ seed: 3, samplesPerClass: 35 });
    const t = train(mlp(2, 20, 3), data, { batchSize: 32, epochs: 5 });
    const x = { rows: data.n, cols: 2, data: data.x };
    const y = data.target.kind === 'classes' ? data.target.y : new Int32Array(0);
    expect(t.evaluate(data).accuracy).toBeCloseTo(t.network.accuracy(x, y), 12);
    expect(t.evaluate(data, 32).accuracy).toBeCloseTo(
      t.network.accuracy({ rows: 32, cols: 2, data: data.x.subarray(0, 64) }, y.subarray(0, 32)),
      12,
    );
    const reg: Dataset = {
      name: 'r',
      n: 4,
      d: 1,
      x: Float32Array.from([0, 1, 2, 3]),
      featureNames: ['x'],
      target: { kind: 'regression', names: ['y'], y: Float32Array.from([0, 2, 4, 6]) },
    };
    const spec: ArchitectureSpec = { inputSize: 1, layers: [{ type: 'Affine', units: 1 }, { type: 'IdentityWithLoss' }] };
    const r = train(spec, reg, { optimizer: 'sgd', learningRate: 0.05, batchSize: 4, epochs: 300 });
    const e = r.evaluate(reg);
    expect(e.accuracy).toBeNull();
    expect(e.loss).toBeLessThan(1e-3);
  });

  it('rejects a dataset that does not fit the network', () => {
    const data = makeSpiral({ seed: 1 });
    expect(
      () => new Trainer(createNetwork(mlp(2, 4, 2), { precision: 'float32', seed: 1 }), data, DEFAULT_TRAINING_CONFIG),
    ).toThrow(/3 classes but the network outputs 2 scores/);
    expect(
      () => new Trainer(createNetwork(mlp(3, 4, 3), { precision: 'float32', seed: 1 }), data, DEFAULT_TRAINING_CONFIG),
    ).toThrow(/2 features but the network's inputSize is 3/);
  });
});
