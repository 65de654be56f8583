/** The Affine epilogues of one training step (bias + activation forward, activation gradient + db backward): ms per step, separate passes vs fused. */
import { createRng, referenceKernels } from '../src/core';
import type { ActivationKind, FloatArray, Kernels } from '../src/core';
import { timePerCall } from './time-per-call';

/** The hidden layers of 784–256–128–10 at batch 100: 100×256 and 100×128 (float32). */
const LAYERS = [256, 128];
const ROWS = 100;

interface Buffers {
  z: FloatArray;
  b: FloatArray;
  y: FloatArray;
  dout: FloatArray;
  dz: FloatArray;
  db: FloatArray;
  cols: number;
}

function buffers(kernels: Kernels, cols: number): Buffers {
  const rng = createRng(cols);
  const fill = (n: number): FloatArray => kernels.allocate('float32', n).map(() => rng.normal());
  const n = ROWS * cols;
  // b = 0: the bias add runs at full cost but leaves z unchanged, so repeated calls see the same values.
  return { z: fill(n), b: kernels.allocate('float32', cols), y: fill(n), dout: fill(n), dz: fill(n), db: fill(cols), cols };
}

/**
 * Per activation, ms per training step over both hidden layers:
 * "separate": the bias add in WebAssembly then the activation in TypeScript loops, the activation gradient in TypeScript
 * then sumRows in WebAssembly (what main ran before the fused epilogues); "unfused": every pass in WebAssembly but
 * one at a time; "fused": biasActivationForward and activationBackwardSumRows.
 */
export function epilogueRows(wasm: Kernels): Record<string, unknown>[] {
  const layers = LAYERS.map((cols) => buffers(wasm, cols));
  const each = (fn: (l: Buffers) => void) => () => layers.forEach(fn);
  return (['relu', 'sigmoid', 'tanh'] as ActivationKind[]).map((kind) => {
    const separate = each(({ z, b, y, dout, dz, db, cols }) => {
      wasm.addRowVector(z, b, ROWS, cols);
      referenceKernels.activationForward(kind, z, y);
      referenceKernels.activationBackward(kind, dout, z, y, dz);
      wasm.sumRows(dz, db, ROWS, cols);
    });
    const unfused = each(({ z, b, y, dout, dz, db, cols }) => {
      wasm.addRowVector(z, b, ROWS, cols);
      wasm.activationForward(kind, z, y);
      wasm.activationBackward(kind, dout, z, y, dz);
      wasm.sumRows(dz, db, ROWS, cols);
    });
    const fused = each(({ z, b, y, dout, dz, db, cols }) => {
      wasm.biasActivationForward(kind, z, b, y, ROWS, cols);
      wasm.activationBackwardSumRows(kind, dout, z, y, dz, db, ROWS, cols);
    });
    const ms = [separate, unfused, fused].map((fn) => timePerCall(fn, 5, 50));
    return {
      kind: 'epilogue',
      activation: kind,
      network: '784–256–128–10',
      batch: ROWS,
      separateMs: Number(ms[0].toFixed(4)),
      unfusedMs: Number(ms[1].toFixed(4)),
      fusedMs: Number(ms[2].toFixed(4)),
      speedup: Math.round((ms[0] / ms[2]) * 10) / 10,
    };
  });
}
