/** The book's TwoLayerNet benchmark (ch. 5 train_neuralnet.py / gradient_check.py) on an MNIST-shaped dataset. */
import { BatchLoader, createNetwork, createRng, gradientCheck, referenceKernels } from '../src/core/index';
import type { ArchitectureSpec, Dataset, Kernels, Matrix, Sequential } from '../src/core/index';

/** 784–50–10 with ReLU, weights N(0, 0.01²), biases 0: the book's TwoLayerNet. */
function twoLayerSpec(inputs: number, classes: number): ArchitectureSpec {
  const init = { kind: 'std', std: 0.01 } as const;
  return {
    inputSize: inputs,
    layers: [
      { type: 'Affine', units: 50, init },
      { type: 'Relu' },
      { type: 'Affine', units: classes, init },
      { type: 'SoftmaxWithLoss' },
    ],
  };
}

function classCount(data: Dataset): number {
  if (data.target.kind !== 'classes') throw new Error(`runTwoLayerNetBench: dataset "${data.name}" must have class labels`);
  return data.target.classNames.length;
}

/** Test accuracy in batches of 100 (inference mode). */
function accuracy(net: Sequential, data: Dataset, loader: BatchLoader): number {
  let correct = 0;
  for (let start = 0; start < data.n; start += loader.capacity) {
    const { x, t } = loader.load(data, null, start, Math.min(loader.capacity, data.n - start));
    correct += net.evaluateBatch(x, t).correct ?? 0;
  }
  return correct / data.n;
}

/** Largest feature value: the book feeds pixels scaled to [0, 1]. */
function maxFeature(data: Dataset): number {
  let max = -Infinity;
  for (const v of data.x) if (v > max) max = v;
  return max;
}

/**
 * Train the book's TwoLayerNet (SGD lr 0.1, batch 100 drawn at random with replacement each iteration, float32)
 * for `opts.iterations` iterations; report test accuracy, samples/s, and the gradient check (float64, h = 1e-4,
 * like the book) of a fresh network on 3 training samples: mean |backprop − numerical| per parameter.
 */
export async function runTwoLayerNetBench(
  train: Dataset,
  test: Dataset,
  opts: { iterations: number; kernels?: Kernels; seed?: number; gradientCheck?: boolean },
): Promise<Record<string, unknown>> {
  const classes = classCount(train);
  const max = Math.max(maxFeature(train), maxFeature(test));
  if (max > 1)
    throw new Error(`runTwoLayerNetBench: features go up to ${max}; scale pixels to [0, 1] first (the book divides by 255)`);
  const kernels = opts.kernels ?? referenceKernels;
  const seed = opts.seed ?? 0;
  const spec = twoLayerSpec(train.d, classes);
  const net = createNetwork(spec, { precision: 'float32', seed, kernels });
  const batchSize = 100;
  const loader = new BatchLoader(batchSize, train.d, 1, 'float32', kernels);
  const rng = createRng(seed + 1);
  const batch = new Int32Array(batchSize);
  const params = net.params();
  let loss = NaN;
  const started = performance.now();
  for (let it = 0; it < opts.iterations; it++) {
    for (let i = 0; i < batchSize; i++) batch[i] = rng.int(train.n);
    const { x, t } = loader.load(train, batch, 0, batchSize);
    loss = net.gradient(x, t);
    for (const p of params) for (let i = 0; i < p.value.length; i++) p.value[i] -= 0.1 * p.grad[i];
  }
  const seconds = (performance.now() - started) / 1000;
  const record: Record<string, unknown> = {
    bench: 'twolayernet',
    network: `${train.d}-50-${classes}`,
    kernels: kernels.name,
    iterations: opts.iterations,
    finalBatchLoss: loss,
    testAccuracy: accuracy(net, test, loader),
    trainSeconds: seconds,
    samplesPerSecond: (opts.iterations * batchSize) / seconds,
  };
  if (opts.gradientCheck !== false) record.gradientCheckMeanAbs = checkThreeSamples(spec, train, seed);
  return record;
}

/** gradient_check.py: a fresh float64 network, the first 3 training rows, mean absolute difference per parameter. */
function checkThreeSamples(spec: ArchitectureSpec, train: Dataset, seed: number): Record<string, number> {
  const net = createNetwork(spec, { precision: 'float64', seed });
  const x: Matrix = { rows: 3, cols: train.d, data: Float64Array.from(train.x.subarray(0, 3 * train.d)) };
  const t = train.target.kind === 'classes' ? train.target.y.slice(0, 3) : new Int32Array(0);
  const report = gradientCheck(net, x, t, { h: 1e-4 });
  return Object.fromEntries(report.params.map((p) => [p.name, p.meanAbs]));
}
