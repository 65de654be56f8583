/** fuseLayers and the fused network: Affine + activation pairs run as one step and give the unfused run's losses and gradients bit for bit. */
import { describe, expect, it } from 'vitest';
import { Affine, Relu, createNetwork, gradientCheck, referenceKernels } from '../../../src/core/index';
import type { ArchitectureSpec, Kernels, Matrix, Sequential } from '../../../src/core/index';
import { fuseLayers } from '../../../src/core/network/fuse-layers';
import { createWasmKernelsSync } from '../../../src/core/kernels/wasm';
import type { Layer } from '../../../src/core/layers/layer';
import { randomLabels, randomMatrix } from '../fixtures';

const wasm = createWasmKernelsSync({ relaxed: true, capacityBytes: 64 << 20 });
const BACKENDS: Kernels[] = [referenceKernels, ...(wasm ? [wasm] : [])];

const mixed: ArchitectureSpec = {
  inputSize: 6,
  layers: [
    { type: 'Affine', units: 9 },
    { type: 'Relu' },
    { type: 'Affine', units: 7 },
    { type: 'BatchNormalization' },
    { type: 'Tanh' },
    { type: 'Affine', units: 5 },
    { type: 'Sigmoid' },
    { type: 'Dropout', ratio: 0.3 },
    { type: 'Affine', units: 3 },
    { type: 'SoftmaxWithLoss' },
  ],
};

const mlp = (activation: 'Relu' | 'Sigmoid' | 'Tanh'): ArchitectureSpec => ({
  inputSize: 13,
  layers: [
    { type: 'Affine', units: 11 },
    { type: 'Tanh' },
    { type: 'Affine', units: 10 },
    { type: activation },
    { type: 'Affine', units: 4 },
    { type: 'SoftmaxWithLoss' },
  ],
});

/** The steps of a network's hidden layers, by name. */
function stepNames(net: Sequential): string[] {
  return fuseLayers(net.layers.slice(0, -1) as Layer[]).map((l) => l.name);
}

/** x as a matrix of the network's dtype. */
function cast(x: Matrix, precision: 'float32' | 'float64'): Matrix {
  return { ...x, data: precision === 'float32' ? Float32Array.from(x.data) : Float64Array.from(x.data) };
}

/** Losses and every gradient of `steps` SGD steps (lr 0.5) from seed 5, on 17 rows. */
function run(spec: ArchitectureSpec, kernels: Kernels, precision: 'float32' | 'float64', fuseEpilogues: boolean, steps = 3) {
  const net = createNetwork(spec, { precision, seed: 5, kernels, fuseEpilogues });
  net.setWeightDecay(0.001);
  const x = cast(randomMatrix(6, 17, spec.inputSize), precision);
  const t = randomLabels(7, 17, 4);
  const losses: number[] = [];
  const grads: number[][] = [];
  for (let s = 0; s < steps; s++) {
    losses.push(net.gradient(x, t));
    for (const p of net.params()) {
      grads.push(Array.from(p.grad));
      kernels.scaleAdd(p.value, 1, p.grad, -0.5);
    }
  }
  return { losses, grads, net, x, t };
}

describe('fuseLayers', () => {
  it('fuses each Affine directly followed by an activation, and nothing else', () => {
    const net = createNetwork(mixed, { precision: 'float64', seed: 1 });
    expect(stepNames(net)).toEqual([
      'Affine+Relu',
      'Affine',
      'BatchNormalization',
      'Tanh',
      'Affine+Sigmoid',
      'Dropout',
      'Affine',
    ]);
    expect(fuseLayers(net.layers.slice(0, -1) as Layer[], false).map((l) => l.name)).toEqual(
      mixed.layers.slice(0, -1).map((l) => l.type),
    );
  });

  it('leaves a layer that overrides backward on its own, so that its code runs', () => {
    class LoudRelu extends Relu {
      override backward(dout: Matrix): Matrix {
        return super.backward(dout);
      }
    }
    const K = referenceKernels;
    const steps = fuseLayers([
      new Affine(2, 3, K, 'float64', 'a'),
      new LoudRelu(3, K, 'float64'),
      new Affine(3, 3, K, 'float64', 'b'),
      new Relu(3, K, 'float64'),
    ]);
    expect(steps.map((l) => l.name)).toEqual(['Affine', 'Relu', 'Affine+Relu']);
  });

  for (const kernels of BACKENDS) {
    for (const precision of ['float32', 'float64'] as const) {
      for (const activation of ['Relu', 'Sigmoid', 'Tanh'] as const) {
        it(`a fused ${activation} network trains exactly like the unfused one (${kernels.name}, ${precision})`, () => {
          const fused = run(mlp(activation), kernels, precision, true);
          const unfused = run(mlp(activation), kernels, precision, false);
          expect(fused.losses).toEqual(unfused.losses);
          expect(fused.grads).toEqual(unfused.grads);
          expect(fused.losses[2]).toBeLessThan(fused.losses[0]); // it did train
        });
      }
    }
    it(`the graph trace records what the fused training step computes (${kernels.name})`, () => {
      const { net, x, t } = run(mlp('Relu'), kernels, 'float32', true, 1);
      const trace = net.trace(x, t);
      const loss = net.gradient(x, t);
      expect(trace.loss).toBe(loss);
      const traced = trace.backward.flatMap((b) => b.grads).sort((a, b) => a.name.localeCompare(b.name));
      const grads = [...net.params()].sort((a, b) => a.name.localeCompare(b.name));
      expect(traced.map((g) => Array.from(g.value))).toEqual(grads.map((p) => Array.from(p.grad)));
      // The trace's scores are the fused forward's.
      const scores = Array.from(net.predict(x).data);
      expect(Array.from(trace.forward[4].output.data)).toEqual(scores);
    });

    it(`the gradient check passes a fused network, the Relu kinks read from the fused forward (${kernels.name})`, () => {
      const net = createNetwork(mixed, { precision: 'float64', seed: 3, kernels });
      net.setDropoutFrozen(true);
      const report = gradientCheck(net, randomMatrix(8, 5, 6), randomLabels(9, 5, 3));
      expect(report.pass).toBe(true);
      expect(net.kinkInputs()).toHaveLength(1);
    });
  }
});
