import { describe, expect, it } from 'vitest';
import {
  Affine,
  Relu,
  Sequential,
  SoftmaxWithLoss,
  createNetwork,
  gradientCheck,
  referenceKernels,
} from '../../../src/core/index';
import type { ArchitectureSpec, Matrix } from '../../../src/core/index';
import { randomLabels, randomMatrix } from '../fixtures';

/** A Relu whose backward is wrong: it passes 1.5× the true gradient. */
class BrokenRelu extends Relu {
  override backward(dout: Matrix): Matrix {
    const dx = super.backward(dout);
    for (let i = 0; i < dx.data.length; i++) dx.data[i] *= 1.5;
    return dx;
  }
}

const spec: ArchitectureSpec = {
  inputSize: 4,
  layers: [{ type: 'Affine', units: 5 }, { type: 'Relu' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};
const x = randomMatrix(11, 6, 4);
const t = randomLabels(12, 6, 3);

describe('gradientCheck', () => {
  it('passes a whole network and reports per-element arrays for plotting', () => {
    const r = gradientCheck(createNetwork(spec, { precision: 'float64', seed: 4 }), x, t);
    expect(r.pass).toBe(true);
    expect(r.h).toBe(1e-5);
    const w = r.params[0];
    expect(w.shape).toEqual([4, 5]);
    expect(w.absDiff).toHaveLength(20);
    expect(w.meanAbs).toBeLessThan(1e-8);
  });

  it('catches a layer whose backward returns a wrong dx', () => {
    const K = referenceKernels;
    const w1 = new Affine(4, 5, K, 'float64', 'layers.0');
    const w2 = new Affine(5, 3, K, 'float64', 'layers.2');
    const good = createNetwork(spec, { precision: 'float64', seed: 4 });
    const broken = new Sequential(spec, 'float64', K, [
      w1,
      new BrokenRelu(5, K, 'float64'),
      w2,
      new SoftmaxWithLoss(3, K, 'float64'),
    ]);
    broken.importState(good.exportState());
    const r = gradientCheck(broken, x, t);
    expect(r.pass).toBe(false);
    const failing = r.params.filter((p) => !p.pass).map((p) => p.name);
    expect(failing).toEqual(['layers.0.W', 'layers.0.b']);
    expect(r.params[0].maxRel).toBeGreaterThan(0.1);
  });

  it('restores every perturbed value and the running statistics', () => {
    const net = createNetwork(
      {
        inputSize: 4,
        layers: [
          { type: 'Affine', units: 5 },
          { type: 'BatchNormalization' },
          { type: 'Affine', units: 3 },
          { type: 'SoftmaxWithLoss' },
        ],
      },
      { precision: 'float64', seed: 1 },
    );
    const before = net.exportState();
    gradientCheck(net, x, t);
    expect(net.exportState()).toEqual(before);
  });

  it('reports elements that cross a ReLU kink as kinks, not failures', () => {
    const net = createNetwork(spec, { precision: 'float64', seed: 4 });
    const xs = { rows: 1, cols: 4, data: Float64Array.from([1, 0, 0, 0]) };
    const W = net.params()[0];
    W.value[0] = 3e-6; // pre-activation of hidden unit 0 is 3e-6 < h = 1e-5
    const r = gradientCheck(net, xs, Int32Array.from([1]));
    expect(r.params[0].kink[0]).toBe(1);
    expect(r.params[0].kinkCount).toBeGreaterThan(0);
    expect(r.pass).toBe(true);
  });

  it('refuses a float32 network', () => {
    expect(() => gradientCheck(createNetwork(spec, { precision: 'float32', seed: 1 }), x, t)).toThrow(/must be float64/);
  });
});
