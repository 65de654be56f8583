import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/index';
import type { LayerSpec } from '../../../src/core/index';
import { randomLabels, randomMatrix } from '../fixtures';

const hidden: LayerSpec[] = [
  { type: 'Affine', units: 4 },
  { type: 'Relu' },
  { type: 'Sigmoid' },
  { type: 'Tanh' },
  { type: 'Dropout', ratio: 0.3 },
  { type: 'BatchNormalization' },
];

describe('layers', () => {
  it('never mutate their input or dout', () => {
    const net = createNetwork(
      { inputSize: 4, layers: [...hidden, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] },
      { precision: 'float64', seed: 1 },
    );
    const x = randomMatrix(3, 6, 4);
    const t = randomLabels(4, 6, 3);
    const before = Array.from(x.data);
    for (const layer of net.layers) {
      if (layer.kind !== 'layer') continue;
      const input = randomMatrix(5, 6, 4);
      const copy = Array.from(input.data);
      const out = layer.forward(input, true);
      const dout = randomMatrix(6, out.rows, out.cols);
      const doutCopy = Array.from(dout.data);
      layer.backward(dout);
      expect(Array.from(input.data), layer.name).toEqual(copy);
      expect(Array.from(dout.data), layer.name).toEqual(doutCopy);
    }
    net.gradient(x, t);
    expect(Array.from(x.data)).toEqual(before);
  });

  it('let NaN through Relu instead of hiding it as 0', () => {
    const net = createNetwork(
      { inputSize: 1, layers: [{ type: 'Relu' }, { type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }] },
      { precision: 'float64', seed: 1 },
    );
    expect(Number.isNaN(net.predict({ rows: 1, cols: 1, data: Float64Array.from([NaN]) }).data[0])).toBe(true);
  });
});
