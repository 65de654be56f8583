/**
 * An in-thread fake of GradientShards for the data-parallel tests: `parts − 1` simulated helper threads run in this JS
 * thread, each with its own network, optimizer, BatchLoader and RangeUpdate over its range, the way the engine's
 * helper workers (src/main/engine/gradient-worker.ts) do over shared memory.
 */
import {
  BatchLoader,
  checkCompatible,
  createNetwork,
  createOptimizer,
  firstFound,
  gradientCheckBeforeExchange,
  paramStarts,
  partitionParams,
  RangeUpdate,
  readStateRange,
  sliceRange,
  writeStateRange,
} from '../../../src/core/index';
import type {
  ArchitectureSpec,
  Dataset,
  ExchangedGradients,
  FloatArray,
  GradientShards,
  Kernels,
  Optimizer,
  OptimizerState,
  Param,
  Sequential,
  TrainingConfig,
} from '../../../src/core/index';

/** One simulated helper thread (rank ≥ 1). */
export interface Helper {
  rank: number;
  network: Sequential;
  params: Param[];
  optimizer: Optimizer;
  update: RangeUpdate;
  loader: BatchLoader;
  /** This step's rows: rows[rowsAt … rowsAt + count) of the batch's remainder. */
  rowsAt: number;
  count: number;
  loss: number;
  /** Its first param with a non-finite gradient this step (-1: none). */
  nonFinite: number;
  /** Its gradient of this step before any reduction, flat (what it publishes to the others). */
  grads: FloatArray;
}

export interface InThreadShardsOptions {
  spec: ArchitectureSpec;
  data: Dataset;
  config: TrainingConfig;
  /** The run thread's params (rank 0). */
  params: readonly Param[];
  parts: number;
  kernels: Kernels;
  /** Called on a helper's params right after it computed its gradient (to inject a non-finite value). */
  afterGradient?: (helper: Helper) => void;
}

export interface InThreadShards extends GradientShards {
  readonly helpers: readonly Helper[];
  /** How many times load and gather were called. */
  readonly calls: { load: number; gather: number };
}

/** Every param's `field` in one flat array (params() order). */
function flatten(params: readonly Param[], field: 'grad' | 'value', precision: TrainingConfig['precision']): FloatArray {
  const starts = paramStarts(params);
  const flat = precision === 'float64' ? new Float64Array(starts[params.length]) : new Float32Array(starts[params.length]);
  params.forEach((p, i) => flat.set(p[field], starts[i]));
  return flat;
}

/** Copies the values of `from` within flat range [lo, hi) into `to` (params of the same architecture). */
function copyRange(from: readonly Param[], to: readonly Param[], lo: number, hi: number): void {
  const src = sliceRange(from, lo, hi);
  sliceRange(to, lo, hi).forEach((s, k) => s.value.set(src[k].value));
}

/** A flat gradient's part over [lo, hi), cut like the slices of `params` there (what RangeGradient.grads holds). */
function cut(params: readonly Param[], flat: FloatArray, lo: number, hi: number): FloatArray[] {
  const starts = paramStarts(params);
  return sliceRange(params, lo, hi).map((s) => {
    const at = starts[params.indexOf(s.parent)] + s.offset;
    return flat.subarray(at, at + s.value.length);
  });
}

export function inThreadShards(options: InThreadShardsOptions): InThreadShards {
  const { spec, data, config, params: main, parts, kernels, afterGradient } = options;
  const bounds = partitionParams(main, parts);
  const total = bounds[parts];
  const helpers: Helper[] = Array.from({ length: parts - 1 }, (_, h) => {
    const rank = h + 1;
    const network = createNetwork(spec, { precision: config.precision, seed: 1000 + rank, kernels });
    network.setWeightDecay(config.weightDecay);
    const params = network.params();
    const optimizer = createOptimizer(config, kernels);
    return {
      rank,
      network,
      params,
      optimizer,
      update: new RangeUpdate(params, bounds[rank], bounds[rank + 1], optimizer, kernels),
      loader: new BatchLoader(config.batchSize, data.d, checkCompatible(network, data, 'Training'), config.precision, kernels),
      rowsAt: 0,
      count: 0,
      loss: 0,
      nonFinite: -1,
      grads: new Float64Array(0),
    };
  });
  let rows = new Int32Array(0);
  let learningRate = 0;
  let local = 0;
  let mainGrads: FloatArray = new Float64Array(0);
  const calls = { load: 0, gather: 0 };
  const counts = (): number[] => [local, ...helpers.map((h) => h.count)];

  return {
    bounds,
    helpers,
    calls,
    localCount: (n) => Math.ceil(n / parts),
    load(state: OptimizerState): void {
      calls.load++;
      const slots = state.tensors.length / main.length;
      const flat = new Float64Array(slots * total);
      writeStateRange(state, main, flat, 0, total);
      for (const h of helpers) {
        h.params.forEach((p, i) => p.value.set(main[i].value));
        const own = h.optimizer.exportState(h.params);
        readStateRange(own, h.params, flat, bounds[h.rank], bounds[h.rank + 1]);
        h.optimizer.importState(h.params, { ...own, step: state.step });
      }
    },
    gather(state: OptimizerState): void {
      calls.gather++;
      const flat = new Float64Array((state.tensors.length / main.length) * total);
      for (const h of helpers) {
        const [lo, hi] = [bounds[h.rank], bounds[h.rank + 1]];
        writeStateRange(h.optimizer.exportState(h.params), h.params, flat, lo, hi);
        readStateRange(state, main, flat, lo, hi);
      }
    },
    start(localCount: number, remainder: Int32Array, lr: number): void {
      local = localCount;
      rows = remainder.slice();
      learningRate = lr;
      const share = Math.ceil(rows.length / helpers.length);
      for (const h of helpers) {
        h.rowsAt = Math.min(rows.length, (h.rank - 1) * share);
        h.count = Math.min(rows.length, h.rowsAt + share) - h.rowsAt;
      }
    },
    exchangeGradients(loss: number, nonFinite: number): ExchangedGradients {
      mainGrads = flatten(main, 'grad', config.precision);
      for (const h of helpers) {
        if (h.count > 0) {
          const { x, t } = h.loader.load(data, rows, h.rowsAt, h.count);
          h.loss = h.network.gradient(x, t);
        } else {
          // A thread without rows keeps an old gradient: make it poison, which its zero weight must keep out.
          for (const p of h.params) p.grad.fill(Number.NaN);
          h.loss = 0;
        }
        afterGradient?.(h);
        // As the engine's helper: a stateless optimizer's gradient is checked only after a non-finite update.
        h.nonFinite = h.count > 0 ? gradientCheckBeforeExchange(h.update, kernels) : -1;
        h.grads = flatten(h.params, 'grad', config.precision);
      }
      return {
        counts: counts(),
        losses: [loss, ...helpers.map((h) => (h.count > 0 ? h.loss : 0))],
        nonFinite: [nonFinite, ...helpers.map((h) => h.nonFinite)],
        rank: 0,
        grads: helpers.map((h) => cut(main, h.grads, bounds[0], bounds[1])),
        held: null,
      };
    },
    exchangeValues(nonFinite: number): number {
      // Each helper's part of updateShare after the gradient checks passed (it cannot block on the exchange callback
      // in this thread): reduce, apply, check its range.
      const c = counts();
      const n = c.reduce((a, b) => a + b, 0);
      const published = [mainGrads, ...helpers.map((h) => h.grads)];
      const found = [nonFinite];
      for (const h of helpers) {
        const [lo, hi] = [bounds[h.rank], bounds[h.rank + 1]];
        const others = published.flatMap((g, k) =>
          k === h.rank ? [] : [{ weight: c[k] / n, grads: h.update.perSlice(g.subarray(lo, hi)) }],
        );
        found.push(h.update.reduceAndApply(c[h.rank] / n, others, learningRate) ? h.update.firstNonFinite('value') : -1);
      }
      const first = firstFound(found);
      if (first < 0) {
        const threads = [main, ...helpers.map((h) => h.params)];
        threads.forEach((from, k) =>
          threads.forEach((to, j) => {
            if (j !== k) copyRange(from, to, bounds[k], bounds[k + 1]);
          }),
        );
      } else for (const h of helpers) h.update.restore();
      return first;
    },
    exchangeGradientChecks(nonFinite: number): number {
      // Each helper's part of updateShare after its restore: the first non-finite reduced gradient in its range.
      return firstFound([nonFinite, ...helpers.map((h) => (h.update.stateless ? h.update.firstNonFinite('grad') : -1))]);
    },
  };
}
