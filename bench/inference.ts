/**
 * Float64 and inference bench (issue 18 point 6): predict, boundary-grid and confusion throughput before (reference
 * kernels, the old chunk sizes) and after (fast kernels, inferenceChunkRows), float64 training on each backend, the
 * gradient check's time, and the float64 ceiling every float64 figure is a percentage of.
 */
import { createNetwork, createRng, DEFAULT_TRAINING_CONFIG, referenceKernels, Trainer } from '../src/core';
import type { ArchitectureSpec, Dataset, Kernels, Precision, Sequential } from '../src/core';
import { createWasmKernelsSync } from '../src/core/kernels/wasm';
import type { ModelSnapshot } from '../src/shared/model';
import { Predictor } from '../src/main/services/models/predictor';
import { predictGrid } from '../src/main/services/insight/boundary';
import { evaluateClassifier } from '../src/main/services/insight/evaluate';
import { insightNetwork } from '../src/main/services/insight/network';
import { gradientCheckKernels, runGradientCheckJob } from '../src/main/engine/gradcheck-job';
import { forwardFlopsPerRow, inferenceChunkRows } from '../src/main/engine/inference-chunk';
import { measureCeiling, percentOf, trainingFlopsPerSample } from './ceiling';
import { now } from './clock';
import { timePerCall } from './time-per-call';
import { syntheticMnist } from './training-rate';

type Line = Record<string, unknown>;

const mlp = (input: number, hidden: number[], classes: number): ArchitectureSpec => ({
  inputSize: input,
  layers: [
    ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: 'Relu' as const }]),
    { type: 'Affine', units: classes },
    { type: 'SoftmaxWithLoss' },
  ],
});
const NETWORKS: { name: string; hidden: number[] }[] = [
  { name: '784–50–10', hidden: [50] },
  { name: '784–256–128–10', hidden: [256, 128] },
];

/** Rows per second of `run` (which handles `rows` rows): best CPU time over at least 2 calls and about `budgetMs`, after a warm-up. */
function rowsPerSecond(run: () => void, rows: number, budgetMs = 1500): number {
  run();
  let best = Infinity;
  const start = now();
  for (let r = 0; r < 2 || (now() - start < budgetMs && r < 20); r++) {
    const t0 = now();
    run();
    best = Math.min(best, now() - t0);
  }
  return Math.round((rows * 1000) / best);
}

/** A snapshot of a seeded network (weights from createNetwork) for the Predictor. */
function snapshotOf(architecture: ArchitectureSpec, precision: Precision): ModelSnapshot {
  const d = architecture.inputSize;
  const classes = 10;
  return {
    formatVersion: 1,
    architecture,
    precision,
    tensors: createNetwork(architecture, { precision, seed: 1 }).exportState(),
    normalization: { kind: 'none', offset: new Array<number>(d).fill(0), scale: new Array<number>(d).fill(1) },
    featureNames: Array.from({ length: d }, (_, i) => `p${i}`),
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
    targetNames: [],
    trainingConfig: { ...DEFAULT_TRAINING_CONFIG, precision, seed: 1 },
    metrics: { train: null, validation: null, test: null },
    datasetName: 'synthetic-784',
  };
}

/** A before/after line: rows/s of both, the speed-up, the chunk and its time, and the float64 rate as % of the f64 ceiling. */
function beforeAfter(
  kind: string,
  network: string,
  architecture: ArchitectureSpec,
  precision: Precision,
  before: Line & { rowsPerSecond: number },
  after: Line & { rowsPerSecond: number },
  ceilings: { f32: number; f64: number },
): Line {
  const gflops = (after.rowsPerSecond * forwardFlopsPerRow(architecture)) / 1e9;
  const chunkRows = typeof after.chunkRows === 'number' ? after.chunkRows : null;
  return {
    kind,
    network,
    precision,
    before,
    after: {
      ...after,
      gflops: Math.round(gflops * 100) / 100,
      percentOfCeiling: percentOf(gflops, precision === 'float64' ? ceilings.f64 : ceilings.f32),
      ...(chunkRows !== null ? { chunkMs: Math.round((chunkRows / after.rowsPerSecond) * 1e5) / 100 } : {}),
    },
    speedup: Math.round((after.rowsPerSecond / before.rowsPerSecond) * 10) / 10,
  };
}

/** Predictor throughput on `rows` synthetic rows: reference kernels vs this thread's fast kernels. */
function benchPredict(data: Dataset, ceilings: { f32: number; f64: number }): Line[] {
  const lines: Line[] = [];
  for (const { name, hidden } of NETWORKS) {
    for (const precision of ['float32', 'float64'] as const) {
      const architecture = mlp(784, hidden, 10);
      const snapshot = snapshotOf(architecture, precision);
      const reference = new Predictor(snapshot, referenceKernels);
      const fast = new Predictor(snapshot);
      const few = data.x.subarray(0, 1024 * 784);
      const before = { kernels: referenceKernels.name, rowsPerSecond: rowsPerSecond(() => reference.predictFeatures(few), 1024) };
      const rate = rowsPerSecond(() => fast.predictFeatures(data.x), data.n);
      lines.push(
        beforeAfter(
          'predict',
          name,
          architecture,
          precision,
          before,
          { kernels: fast.kernelsName, chunkRows: fast.chunkRows, rowsPerSecond: rate },
          ceilings,
        ),
      );
    }
  }
  return lines;
}

/** A random plane through a D-dimensional feature space (what a PCA plane of the data is, for the network). */
function randomPlane(d: number): { origin: Float64Array; u: Float64Array; v: Float64Array } {
  const rng = createRng(5);
  const vector = (): Float64Array => Float64Array.from({ length: d }, () => rng.normal() / Math.sqrt(d));
  return { origin: Float64Array.from({ length: d }, () => rng.next()), u: vector(), v: vector() };
}

/** Boundary grid (float64 insight network): reference in the old chunks of 2048, fast kernels unchunked (one batch), fast chunked. */
function benchBoundary(ceilings: { f32: number; f64: number }): Line[] {
  const cases = [
    { name: '2–100–100–3', architecture: mlp(2, [100, 100], 3), resolution: 200 },
    ...NETWORKS.map(({ name, hidden }) => ({ name: `${name} (PCA plane)`, architecture: mlp(784, hidden, 10), resolution: 100 })),
  ];
  return cases.map(({ name, architecture, resolution }) => {
    const plane = randomPlane(architecture.inputSize);
    const cells = resolution * resolution;
    const chunk = inferenceChunkRows(architecture);
    const small = Math.min(resolution, 40);
    const reference = insightNetwork(architecture, null, 1, 2048, referenceKernels);
    const fast = insightNetwork(architecture, null, 1, cells);
    const grid = (network: typeof fast, res: number, rows: number) => () =>
      void predictGrid(network, plane, [-3, 3], [-3, 3], res, rows);
    const before = {
      kernels: referenceKernels.name,
      chunkRows: 2048,
      rowsPerSecond: rowsPerSecond(grid(reference, small, 2048), small * small),
    };
    const unchunked = {
      kernels: fast.kernels.name,
      chunkRows: cells,
      rowsPerSecond: rowsPerSecond(grid(fast, resolution, cells), cells),
    };
    const after = {
      kernels: fast.kernels.name,
      chunkRows: chunk,
      rowsPerSecond: rowsPerSecond(grid(fast, resolution, chunk), cells),
    };
    return { ...beforeAfter('boundary-grid', name, architecture, 'float64', before, after, ceilings), resolution, unchunked };
  });
}

/**
 * Confusion matrix (float64 insight network) over 10,000 rows: reference in the old batches of 500 vs fast kernels in
 * chunks; each call builds its network, as an insight job does.
 */
function benchConfusion(data: Dataset, ceilings: { f32: number; f64: number }): Line[] {
  return NETWORKS.map(({ name, hidden }) => {
    const architecture = mlp(784, hidden, 10);
    const chunk = inferenceChunkRows(architecture);
    const reference = (): Sequential => insightNetwork(architecture, null, 1, 500, referenceKernels);
    const fast = (): Sequential => insightNetwork(architecture, null, 1, chunk);
    const before = {
      kernels: referenceKernels.name,
      chunkRows: 500,
      rowsPerSecond: rowsPerSecond(() => evaluateClassifier(reference(), data, 1000, 48, false, 500), 1000),
    };
    const rate = rowsPerSecond(() => evaluateClassifier(fast(), data, data.n, 48, false, chunk), data.n);
    return beforeAfter(
      'confusion',
      name,
      architecture,
      'float64',
      before,
      { kernels: fast().kernels.name, chunkRows: chunk, rowsPerSecond: rate },
      ceilings,
    );
  });
}

/** Float64 (and, for comparison, float32) training samples/s at batch 100 with SGD on each backend, as % of the matching ceiling. */
function benchTraining(data: Dataset, wasm: Kernels, ceilings: { f32: number; f64: number }): Line[] {
  const lines: Line[] = [];
  for (const { name, hidden } of NETWORKS) {
    for (const [precision, kernels] of [
      ['float64', referenceKernels],
      ['float64', wasm],
      ['float32', wasm],
    ] as const) {
      const config = {
        ...DEFAULT_TRAINING_CONFIG,
        optimizer: 'sgd' as const,
        learningRate: 0.1,
        batchSize: 100,
        epochs: 1_000_000,
        seed: 1,
        precision,
      };
      const trainer = new Trainer(createNetwork(mlp(784, hidden, 10), { precision, seed: 1, kernels }), data, config);
      const reference = kernels === referenceKernels;
      const ms = timePerCall(() => trainer.trainBatch(), reference ? 2 : 5, reference ? 200 : 300);
      const samplesPerSecond = Math.round((config.batchSize * 1000) / ms);
      // The GEMM flops done (the first Affine computes no dx), as the kernels bench counts them.
      const gflops = (samplesPerSecond * trainingFlopsPerSample([784, ...hidden, 10])) / 1e9;
      const ceiling = precision === 'float64' ? ceilings.f64 : ceilings.f32;
      lines.push({
        kind: 'training',
        network: name,
        precision,
        kernels: kernels.name,
        samplesPerSecond,
        gflops: Math.round(gflops * 100) / 100,
        percentOfCeiling: percentOf(gflops, ceiling),
      });
    }
  }
  return lines;
}

/** The gradient-check job (float64, `samples` rows) of small networks on each backend: time and the largest errors found. */
function benchGradientCheck(ceilings: { f32: number; f64: number }): Line[] {
  const rng = createRng(11);
  const cases = [
    { name: '2–10–10–3', architecture: mlp(2, [10, 10], 3), classes: 3, samples: 10 },
    { name: '8–32–32–3', architecture: mlp(8, [32, 32], 3), classes: 3, samples: 10 },
    { name: '64–32–10', architecture: mlp(64, [32], 10), classes: 10, samples: 10 },
  ];
  return cases.map(({ name, architecture, classes, samples }) => {
    const d = architecture.inputSize;
    const data: Dataset = {
      name: 'gradcheck-bench',
      n: 50,
      d,
      x: Float32Array.from({ length: 50 * d }, () => rng.normal()),
      featureNames: Array.from({ length: d }, (_, i) => `x${i}`),
      target: {
        kind: 'classes',
        classNames: Array.from({ length: classes }, (_, i) => String(i)),
        y: Int32Array.from({ length: 50 }, () => rng.int(classes)),
      },
    };
    const job = { kind: 'gradcheck' as const, architecture, data, samples, seed: 3 };
    const run = (choice: 'reference' | 'wasm'): Line => {
      let report = runGradientCheckJob(job, choice);
      const ms = timePerCall(() => void (report = runGradientCheckJob(job, choice)), 3, 300);
      const params = report.params.reduce((n, p) => n + p.analytic.length, 0);
      const gflops = (2 * params * samples * forwardFlopsPerRow(architecture)) / ms / 1e6;
      const maxRel = Math.max(...report.params.map((p) => p.maxRel));
      const maxAbs = Math.max(...report.params.map((p) => p.maxAbs));
      return {
        ms: Math.round(ms * 100) / 100,
        gflops: Math.round(gflops * 1000) / 1000,
        percentOfCeiling: percentOf(gflops, ceilings.f64),
        maxRel,
        maxAbs,
        pass: report.pass,
        params,
      };
    };
    return {
      kind: 'gradient-check',
      network: name,
      samples,
      auto: gradientCheckKernels(job, samples),
      reference: run('reference'),
      wasm: run('wasm'),
    };
  });
}

/** Every line of the bench (`npm run bench -- --only inference`). */
export function benchInference(): Line[] {
  const wasm = createWasmKernelsSync();
  if (!wasm) return [{ skipped: true, reason: 'WebAssembly SIMD is unavailable in this runtime' }];
  const ceilings = { f32: measureCeiling(wasm), f64: measureCeiling(wasm, 60, 'float64') };
  const lines: Line[] = [
    {
      kind: 'ceiling',
      kernels: wasm.name,
      f32Gflops: Math.round(ceilings.f32 * 10) / 10,
      f64Gflops: Math.round(ceilings.f64 * 10) / 10,
    },
  ];
  const data = syntheticMnist(10_000);
  lines.push(...benchPredict(data, ceilings), ...benchBoundary(ceilings), ...benchConfusion(data, ceilings));
  lines.push(...benchTraining(data, wasm, ceilings), ...benchGradientCheck(ceilings));
  return lines;
}
