/**
 * Gradient helper entry (built to out/main/gradient-worker.js): one thread of a data-parallel run, serving requests
 * until asked to exit, or to wait for the next run's data (released: a warm helper, see helper-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  BatchLoader,
  checkCompatible,
  createNetwork,
  createOptimizer,
  gradientCheckBeforeExchange,
  paramStarts,
  RangeUpdate,
  readStateRange,
  updateShare,
  writeStateRange,
} from '../../core/index';
import { KernelCache } from './kernels';
import {
  GRADIENT_ERROR_BYTES,
  GroupSlot,
  PROBE_SLOTS,
  ProbeSlot,
  RequestKind,
  ScalarSlot,
  ThreadSlot,
  threadSlot,
  type GradientWorkerData,
} from '../../shared/workers/gradient';
import { enableRelaxedSimd } from '../runtime/relaxed-simd';
import { ThreadExchange } from './thread-exchange';
import { AdaptiveSpin } from './spin-wait';
import { warmUp } from './gradient-warm-up';

enableRelaxedSimd();

/** This helper's kernels, reused by each run it serves (a released helper's next run starts with warm code). */
const KERNELS = new KernelCache();

/**
 * Per step: the gradient of this thread's rows, the gradient exchange, the update of this thread's range of the
 * parameters (the same core code as the run thread's, updateShare), the exchange of the updated ranges. Load and
 * gather move the optimizer state of this thread's range in and out.
 */
function serve(data: GradientWorkerData): 'exit' | 'release' {
  const { config, train, buffers, rank, bounds } = data;
  const kernels = data.region ? KERNELS.takeRegion(data.region) : KERNELS.take(data.kernels, data.estimatedBytes);
  const network = createNetwork(data.architecture, { precision: config.precision, seed: data.seed, kernels });
  network.setWeightDecay(config.weightDecay);
  const params = network.params();
  const starts = paramStarts(params);
  const optimizer = createOptimizer(config, kernels);
  const [lo, hi] = [bounds[rank], bounds[rank + 1]];
  const update = new RangeUpdate(params, lo, hi, optimizer, kernels);
  const exchange = new ThreadExchange(buffers, config.precision, params, bounds, rank, data.region !== undefined);
  const { header, scalars } = exchange;
  const state = new Float64Array(buffers.state);
  const rows = new Int32Array(buffers.rows);
  const width = checkCompatible(network, train, 'Training');
  const loader = new BatchLoader(config.batchSize, train.d, width, config.precision, kernels);
  const spin = new AdaptiveSpin();
  // The bench's probe only: times of each phase of the last step.
  const probe = buffers.probe ? new Float64Array(buffers.probe, 8 * PROBE_SLOTS * (rank - 1), PROBE_SLOTS) : null;
  const stamp = (slot: number): void => {
    if (probe) probe[slot] = performance.timeOrigin + performance.now();
  };
  warmUp(network, loader, train, config.batchSize);
  // Ready: the run thread's ready() waits for done to leave -1.
  exchange.signal(ThreadSlot.done, 0);
  let seen = 0;
  for (;;) {
    // Poll briefly (the next request usually comes within the run thread's own update), then sleep.
    if (probe) probe[ProbeSlot.spinBudget] = spin.budget;
    spin.wait(header, GroupSlot.request, seen);
    const request = Atomics.load(header, GroupSlot.request);
    if (request === seen) continue;
    seen = request;
    const kind = Atomics.load(header, GroupSlot.kind);
    if (kind === RequestKind.exit) return 'exit';
    if (kind === RequestKind.release) {
      exchange.signal(ThreadSlot.done, request);
      return 'release';
    }
    if (kind === RequestKind.load) {
      params.forEach((p, i) => p.value.set(exchange.values.subarray(starts[i], starts[i + 1])));
      const s = optimizer.exportState(params);
      readStateRange(s, params, state, lo, hi);
      optimizer.importState(params, { ...s, step: scalars[ScalarSlot.optimizerStep] });
      exchange.signal(ThreadSlot.done, request);
      continue;
    }
    if (kind === RequestKind.gather) {
      writeStateRange(optimizer.exportState(params), params, state, lo, hi);
      exchange.signal(ThreadSlot.done, request);
      continue;
    }
    stamp(ProbeSlot.seen);
    const count = Atomics.load(header, threadSlot(rank, ThreadSlot.count));
    let loss = 0;
    let nonFinite = -1;
    if (count > 0) {
      const { x, t } = loader.load(train, rows, Atomics.load(header, threadSlot(rank, ThreadSlot.rowsAt)), count);
      loss = network.gradient(x, t);
      nonFinite = gradientCheckBeforeExchange(update, kernels);
    }
    stamp(ProbeSlot.gradient);
    exchange.publishGradients(request, loss, nonFinite);
    stamp(ProbeSlot.gradsOut);
    const exchanged = exchange.awaitGradients(request);
    stamp(ProbeSlot.exchanged);
    updateShare(update, exchanged, scalars[ScalarSlot.learningRate], {
      values: (bad) => {
        stamp(ProbeSlot.updated);
        return exchange.exchangeValues(request, bad);
      },
      gradientChecks: (bad) => exchange.exchangeGradientChecks(request, bad),
    });
    stamp(ProbeSlot.valuesIn);
  }
}

/** Serve one run; true when released to wait for another (false: asked to exit, or failed and reported it). */
function run(data: GradientWorkerData): boolean {
  try {
    return serve(data) === 'release';
  } catch (error) {
    const header = new Int32Array(data.buffers.header);
    const text = new TextEncoder()
      .encode(error instanceof Error ? error.message : String(error))
      .subarray(0, GRADIENT_ERROR_BYTES);
    new Uint8Array(data.buffers.errors, (data.rank - 1) * GRADIENT_ERROR_BYTES, GRADIENT_ERROR_BYTES).set(text);
    const failed = threadSlot(data.rank, ThreadSlot.failed);
    Atomics.store(header, failed, 1);
    // Wake the run thread wherever it waits for this helper.
    for (const slot of [ThreadSlot.done, ThreadSlot.grads, ThreadSlot.values, ThreadSlot.checks])
      Atomics.notify(header, threadSlot(data.rank, slot));
    return false;
  }
}

/** Runs one after another on this thread: the first from workerData, the next ones as messages; exits when not released. */
function next(data: GradientWorkerData): void {
  if (run(data)) parentPort?.once('message', next);
}

next(workerData as GradientWorkerData);
