/** AffineActivation: the fused step leaves every value the separate Affine and activation would, bit for bit. */
import { describe, expect, it } from 'vitest';
import { Affine, Relu, Sigmoid, Tanh, createRng, referenceKernels } from '../../../src/core/index';
import type { Kernels, Matrix } from '../../../src/core/index';
import { AffineActivation } from '../../../src/core/layers/affine-activation';
import type { Activation } from '../../../src/core/layers/activation';
import { createWasmKernelsSync } from '../../../src/core/kernels/wasm';

const wasm = createWasmKernelsSync({ relaxed: false, capacityBytes: 32 << 20 });
const BACKENDS: Kernels[] = [referenceKernels, ...(wasm ? [wasm] : [])];
const ACTIVATIONS = { Relu, Sigmoid, Tanh } as const;
type Dtype = 'float32' | 'float64';

function randomMatrix(seed: number, rows: number, cols: number, dtype: Dtype, scale = 1): Matrix {
  const rng = createRng(seed);
  const data = dtype === 'float64' ? new Float64Array(rows * cols) : new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  return { rows, cols, data };
}

/** An Affine 7→5 with seeded weights and bias, and the named activation after it. */
function pair(kernels: Kernels, dtype: Dtype, name: keyof typeof ACTIVATIONS): { affine: Affine; act: Activation } {
  const affine = new Affine(7, 5, kernels, dtype, 'layers.0');
  const w = randomMatrix(1, 7, 5, dtype).data;
  const b = randomMatrix(2, 1, 5, dtype).data;
  affine.W.value.set(w);
  affine.b.value.set(b);
  affine.weightDecay = 0.01;
  return { affine, act: new ACTIVATIONS[name](5, kernels, dtype) };
}

const copy = (m: Matrix): number[] => Array.from(m.data);

describe('AffineActivation', () => {
  for (const kernels of BACKENDS) {
    for (const dtype of ['float32', 'float64'] as const) {
      for (const name of ['Relu', 'Sigmoid', 'Tanh'] as const) {
        it(`equals Affine then ${name} forward and backward bit for bit (${kernels.name}, ${dtype})`, () => {
          const x = randomMatrix(3, 9, 7, dtype, 2);
          const dout = randomMatrix(4, 9, 5, dtype);
          const plain = pair(kernels, dtype, name);
          const fused = pair(kernels, dtype, name);
          const step = new AffineActivation(fused.affine, fused.act);
          expect(step.name).toBe(`Affine+${name}`);
          expect(step.params).toBe(fused.affine.params);

          const z = copy(plain.affine.forward(x));
          const y = copy(plain.act.forward(plain.affine.forward(x)));
          expect(copy(step.forward(x))).toEqual(y);
          // The fused forward left z = x·W + b where the Affine keeps its output, and the activation's cached input.
          expect(copy(fused.act.forward(fused.affine.forward(x)))).toEqual(y);
          step.forward(x);

          const dz = copy(plain.act.backward(dout));
          const dx = copy(plain.affine.backward(plain.act.backward(dout)));
          expect(copy(step.backward(dout))).toEqual(dx);
          expect(Array.from(fused.affine.W.grad)).toEqual(Array.from(plain.affine.W.grad));
          expect(Array.from(fused.affine.b.grad)).toEqual(Array.from(plain.affine.b.grad));
          expect(copy(fused.act.backward(dout))).toEqual(dz);
          expect(z).not.toEqual(y);

          fused.affine.W.grad.fill(0);
          fused.affine.b.grad.fill(0);
          step.backwardParamsOnly(dout);
          expect(Array.from(fused.affine.W.grad)).toEqual(Array.from(plain.affine.W.grad));
          expect(Array.from(fused.affine.b.grad)).toEqual(Array.from(plain.affine.b.grad));
        });
      }
    }
  }

  it('keeps the Relu pre-activations for the gradient check (kinkInput is x·W + b)', () => {
    const fused = pair(referenceKernels, 'float64', 'Relu');
    const plain = pair(referenceKernels, 'float64', 'Relu');
    const x = randomMatrix(5, 4, 7, 'float64');
    new AffineActivation(fused.affine, fused.act).forward(x);
    const z = copy(plain.affine.forward(x));
    expect(z.some((v) => v < 0) && z.some((v) => v > 0)).toBe(true); // both sides of the kink
    expect(copy((fused.act as Relu).kinkInput() as Matrix)).toEqual(z);
  });

  it('refuses an activation whose width is not the Affine’s', () => {
    const affine = new Affine(3, 4, referenceKernels, 'float64', 'layers.0');
    expect(() => new AffineActivation(affine, new Relu(5, referenceKernels, 'float64'))).toThrow(
      'AffineActivation: the Relu has 5 inputs, the Affine 4 units',
    );
  });
});
