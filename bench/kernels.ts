/** Kernel benchmark: GFLOP/s of every GEMM shape of the book's MLPs and training samples/s, reference vs WebAssembly SIMD. */
import { createRng, referenceKernels } from '../src/core';
import type { FloatArray, Kernels } from '../src/core';
import { syntheticMnist, trainingSamplesPerSecond } from './training-rate';
import type { HiddenActivation } from './training-rate';
import { createWasmKernels } from '../src/core/kernels/wasm';
import { measureCeiling, percentOf, trainingFlopsPerSample } from './ceiling';
import { hasCpuClock } from './clock';
import { timePerCall } from './time-per-call';
import { stepOpRows } from './step-ops';
import { epilogueRows } from './epilogues';

type Dtype = 'float32' | 'float64';

/** One GEMM of a forward/backward pass at batch 100: C m×n = op(A) m×k · op(B) k×n. */
interface GemmShape {
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
  role: string;
}

/** The network a shape belongs to: its role starts with the network's name. */
const networkOf = (s: GemmShape): string => s.role.split(' ')[0];
/** The first Affine's dx is never computed in training (nothing below it needs it): not part of a step. */
const inStep = (s: GemmShape): boolean => !/Affine1 dx/.test(s.role);

const g = (m: number, k: number, n: number, transA: boolean, transB: boolean, role: string): GemmShape => ({
  m,
  k,
  n,
  transA,
  transB,
  role,
});
const SHAPES: GemmShape[] = [
  g(100, 784, 50, false, false, '784–50–10 Affine1 forward x·W'),
  g(784, 100, 50, true, false, '784–50–10 Affine1 dW = xᵀ·dout'),
  g(100, 50, 784, false, true, '784–50–10 Affine1 dx = dout·Wᵀ'),
  g(100, 50, 10, false, false, '784–50–10 Affine2 forward'),
  g(50, 100, 10, true, false, '784–50–10 Affine2 dW'),
  g(100, 10, 50, false, true, '784–50–10 Affine2 dx'),
  g(100, 784, 256, false, false, '784–256–128–10 Affine1 forward'),
  g(784, 100, 256, true, false, '784–256–128–10 Affine1 dW'),
  g(100, 256, 784, false, true, '784–256–128–10 Affine1 dx'),
  g(100, 256, 128, false, false, '784–256–128–10 Affine2 forward'),
  g(256, 100, 128, true, false, '784–256–128–10 Affine2 dW'),
  g(100, 128, 256, false, true, '784–256–128–10 Affine2 dx'),
  g(100, 128, 10, false, false, '784–256–128–10 Affine3 forward'),
  g(128, 100, 10, true, false, '784–256–128–10 Affine3 dW'),
  g(100, 10, 128, false, true, '784–256–128–10 Affine3 dx'),
];

function randomFill(x: FloatArray, seed: number): FloatArray {
  const rng = createRng(seed);
  for (let i = 0; i < x.length; i++) x[i] = rng.next() - 0.5;
  return x;
}

/** GFLOP/s (2·m·n·k per call) of one shape on one backend; `alloc` decides who owns the operands. */
function gemmGflops(kernels: Kernels, alloc: Kernels, dtype: Dtype, s: GemmShape, rounds: number, roundMs: number): number {
  const a = randomFill(alloc.allocate(dtype, s.m * s.k), 1);
  const b = randomFill(alloc.allocate(dtype, s.k * s.n), 2);
  const c = alloc.allocate(dtype, s.m * s.n);
  const ms = timePerCall(() => kernels.gemm(a, b, c, s.m, s.n, s.k, s.transA, s.transB, false), rounds, roundMs);
  return (2 * s.m * s.n * s.k) / ms / 1e6;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** GFLOP/s of the WebAssembly GEMM per shape, filled by gemmRows: the training lines compare a step with its own GEMMs. */
type GemmRates = Map<GemmShape, number>;

function gemmRows(wasm: Kernels, dtype: Dtype, ceiling: number, rates: GemmRates): Record<string, unknown>[] {
  return SHAPES.map((s) => {
    const reference = gemmGflops(referenceKernels, referenceKernels, dtype, s, 2, 100);
    const wasmOwned = gemmGflops(wasm, wasm, dtype, s, 6, 30);
    rates.set(s, wasmOwned);
    const wasmStaged = gemmGflops(wasm, referenceKernels, dtype, s, 4, 30);
    return {
      kind: 'gemm',
      shape: `${s.m}×${s.k}×${s.n}`,
      op: `${s.transA ? 'Aᵀ' : 'A'}·${s.transB ? 'Bᵀ' : 'B'}`,
      role: s.role,
      dtype,
      referenceGflops: round2(reference),
      [`${wasm.name}Gflops`]: round2(wasmOwned),
      [`${wasm.name}StagedGflops`]: round2(wasmStaged),
      speedup: round2(wasmOwned / reference),
      percentOfCeiling: percentOf(wasmOwned, ceiling),
    };
  });
}

/**
 * The GEMM rate of a network's own training step: its GEMMs' flops over their summed time at the measured rates
 * (what the step would reach if it were nothing but its GEMMs).
 */
function stepGemmGflops(network: string, rates: GemmRates): number {
  let flops = 0;
  let ms = 0;
  for (const [s, gflops] of rates) {
    if (networkOf(s) !== network || !inStep(s)) continue;
    flops += 2 * s.m * s.n * s.k;
    ms += (2 * s.m * s.n * s.k) / gflops / 1e6;
  }
  return flops / ms / 1e6;
}

/** Relu networks with SGD and Adam, then the deeper one with Sigmoid and Tanh hidden layers (SGD). */
const TRAINING_RUNS: { optimizer: 'sgd' | 'adam'; hidden: number[]; activation: HiddenActivation }[] = [
  ...(['sgd', 'adam'] as const).flatMap((optimizer) =>
    [[50], [256, 128]].map((hidden) => ({ optimizer, hidden, activation: 'Relu' as const })),
  ),
  { optimizer: 'sgd', hidden: [256, 128], activation: 'Sigmoid' },
  { optimizer: 'sgd', hidden: [256, 128], activation: 'Tanh' },
];

function trainingRows(wasm: Kernels, ceiling: number, rates: GemmRates): Record<string, unknown>[] {
  const data = syntheticMnist(2000);
  return TRAINING_RUNS.map(({ optimizer, hidden, activation }) => {
    const reference = trainingSamplesPerSecond(referenceKernels, hidden, data, 1, 1500, optimizer, activation);
    const fast = trainingSamplesPerSecond(wasm, hidden, data, 5, 300, optimizer, activation);
    const gflops = (fast * trainingFlopsPerSample([784, ...hidden, 10])) / 1e9;
    const network = `784–${hidden.join('–')}–10`;
    const gemm = stepGemmGflops(network, rates);
    return {
      kind: 'training',
      network,
      activation,
      optimizer,
      batch: 100,
      referenceSamplesPerSecond: Math.round(reference),
      [`${wasm.name}SamplesPerSecond`]: Math.round(fast),
      speedup: round2(fast / reference),
      gflops: round2(gflops),
      percentOfCeiling: percentOf(gflops, ceiling),
      gemmGflops: round2(gemm),
      percentOfGemm: percentOf(gflops, gemm),
    };
  });
}

/**
 * GFLOP/s of each GEMM shape of 784–50–10 and 784–256–128–10 at batch 100 (float32 and float64), for the reference
 * and the WebAssembly kernels (on their own buffers, and staged from plain arrays), and training samples/s of both
 * networks with each backend (SGD and Adam; Sigmoid and Tanh too), the element-wise step operations (step-ops.ts) and
 * the Affine epilogues, separate vs fused (epilogues.ts). Times are process CPU time (best of several rounds) where the runtime offers it.
 */
export async function benchKernels(): Promise<Record<string, unknown>[]> {
  const wasm = await createWasmKernels();
  const clock = {
    kind: 'clock',
    clock: hasCpuClock ? 'process CPU time, best round' : 'wall clock, best round',
    backend: wasm?.name ?? 'none',
  };
  if (!wasm) return [clock, { kind: 'error', message: 'WebAssembly SIMD is not available: only the reference kernels run here' }];
  const ceiling = measureCeiling(wasm);
  const probe = {
    kind: 'ceiling',
    backend: wasm.name,
    op: wasm.name === 'wasm-relaxed-simd' ? 'f32x4.relaxed_madd' : 'f32x4.mul + f32x4.add',
    gflops: round2(ceiling),
  };
  const rates32: GemmRates = new Map();
  return [
    clock,
    probe,
    ...gemmRows(wasm, 'float32', ceiling, rates32),
    ...gemmRows(wasm, 'float64', ceiling, new Map()),
    ...trainingRows(wasm, ceiling, rates32),
    ...stepOpRows(wasm),
    ...epilogueRows(wasm),
  ];
}
