/** The element-wise parts of a training step (non-finite scan, reduction, optimizer updates): milliseconds per step, reference vs WebAssembly. */
import { createNetwork, createOptimizer, DEFAULT_TRAINING_CONFIG, referenceKernels } from '../src/core';
import type { Kernels, OptimizerName, Param } from '../src/core';
import { timePerCall } from './time-per-call';

const MLP = {
  inputSize: 784,
  layers: [
    { type: 'Affine' as const, units: 256 },
    { type: 'Relu' as const },
    { type: 'Affine' as const, units: 128 },
    { type: 'Relu' as const },
    { type: 'Affine' as const, units: 10 },
    { type: 'SoftmaxWithLoss' as const },
  ],
};

/** The params of 784–256–128–10 (235,146 values, float32) with small gradients, owned by `kernels`. */
function paramsOn(kernels: Kernels): Param[] {
  const params = createNetwork(MLP, { precision: 'float32', seed: 1, kernels }).params();
  for (const p of params) for (let i = 0; i < p.grad.length; i++) p.grad[i] = 1e-3 * Math.sin(i);
  return params;
}

/** One step's worth of each operation over every param, per backend. */
function operations(kernels: Kernels): Record<string, () => void> {
  const params = paramsOn(kernels);
  const other = paramsOn(kernels).map((p) => p.grad);
  const step = (name: OptimizerName): (() => void) => {
    const optimizer = createOptimizer({ ...DEFAULT_TRAINING_CONFIG, optimizer: name }, kernels);
    return () => optimizer.step(params, 1e-6);
  };
  return {
    'non-finite scan': () => params.forEach((p) => kernels.hasNonFinite(p.value)),
    'reduce 2 shards': () => params.forEach((p, i) => kernels.scaleAdd(p.grad, 0.5, other[i], 0.5)),
    'sgd update': step('sgd'),
    'momentum update': step('momentum'),
    'nesterov update': step('nesterov'),
    'adagrad update': step('adagrad'),
    'rmsprop update': step('rmsprop'),
    'adam update': step('adam'),
  };
}

/** Per operation: ms per step on 784–256–128–10's 235,146 float32 params with the reference and the WebAssembly kernels. */
export function stepOpRows(wasm: Kernels): Record<string, unknown>[] {
  const reference = operations(referenceKernels);
  const fast = operations(wasm);
  const values = paramsOn(referenceKernels).reduce((n, p) => n + p.value.length, 0);
  return Object.keys(reference).map((op) => {
    const ms = timePerCall(reference[op], 3, 100);
    const wasmMs = timePerCall(fast[op], 5, 50);
    return {
      kind: 'step-op',
      op,
      network: '784–256–128–10',
      values,
      referenceMs: Number(ms.toFixed(4)),
      [`${wasm.name}Ms`]: Number(wasmMs.toFixed(4)),
      nsPerValue: Number(((wasmMs * 1e6) / values).toFixed(3)),
      speedup: Math.round((10 * ms) / wasmMs) / 10,
    };
  });
}
