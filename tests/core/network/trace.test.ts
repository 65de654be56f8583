import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/index';
import { randomLabels, randomMatrix } from '../fixtures';

const spec: ArchitectureSpec = {
  inputSize: 3,
  layers: [{ type: 'Affine', units: 4 }, { type: 'Relu' }, { type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }],
};

describe('Sequential.trace', () => {
  it('records every layer output, then every dx and parameter gradient, matching gradient()', () => {
    const net = createNetwork(spec, { precision: 'float64', seed: 2 });
    const x = randomMatrix(1, 5, 3);
    const t = randomLabels(2, 5, 2);
    const tr = net.trace(x, t);
    expect(tr.forward.map((f) => [f.layer, f.name, f.output.rows, f.output.cols])).toEqual([
      [0, 'Affine', 5, 4],
      [1, 'Relu', 5, 4],
      [2, 'Affine', 5, 2],
      [3, 'SoftmaxWithLoss', 5, 2],
    ]);
    expect(tr.backward.map((b) => [b.layer, b.dx.cols, b.grads.map((g) => g.name)])).toEqual([
      [3, 2, []],
      [2, 4, ['layers.2.W', 'layers.2.b']],
      [1, 4, []],
      [0, 3, ['layers.0.W', 'layers.0.b']],
    ]);
    const loss = net.gradient(x, t);
    expect(tr.loss).toBe(loss);
    expect(Array.from(tr.backward[3].grads[0].value)).toEqual(Array.from(net.params()[0].grad));
    const relu = tr.forward[1].output.data;
    expect(Array.from(relu).every((v) => v >= 0)).toBe(true);
  });
});
