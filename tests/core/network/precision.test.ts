import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, Trainer, createNetwork, makeSpiral } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/index';
import { randomLabels, randomMatrix } from '../fixtures';

const spec: ArchitectureSpec = {
  inputSize: 3,
  layers: [{ type: 'Affine', units: 8 }, { type: 'Tanh' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};

describe('precision', () => {
  it('gives float32 and float64 networks with the same seed nearly the same loss and gradients', () => {
    const x64 = randomMatrix(1, 5, 3);
    const x32 = { ...x64, data: Float32Array.from(x64.data) };
    const t = randomLabels(2, 5, 3);
    const a = createNetwork(spec, { precision: 'float64', seed: 3 });
    const b = createNetwork(spec, { precision: 'float32', seed: 3 });
    expect(b.gradient(x32, t)).toBeCloseTo(a.gradient(x64, t), 5);
    const ga = a.params()[0].grad,
      gb = b.params()[0].grad;
    for (let i = 0; i < ga.length; i++) expect(gb[i]).toBeCloseTo(ga[i], 5);
  });

  it('refuses a Trainer whose config precision differs from the network', () => {
    const net = createNetwork({ ...spec, inputSize: 2 }, { precision: 'float64', seed: 1 });
    expect(() => new Trainer(net, makeSpiral(), DEFAULT_TRAINING_CONFIG)).toThrow(
      /config.precision is float32 but the network was built in float64/,
    );
  });

  it('refuses to import non-finite values', () => {
    const net = createNetwork(spec, { precision: 'float64', seed: 1 });
    const state = net.exportState();
    state[1].data[2] = Infinity;
    expect(() => net.importState(state)).toThrow(/"layers.0.b" holds a non-finite value Infinity at index 2/);
  });
});
