/** Gradient helper entry (built to out/main/gradient-worker.js): computes the gradient of its share of each batch for a data-parallel run. */
import { workerData } from 'node:worker_threads';
import { BatchLoader, checkCompatible, createNetwork } from '../../core/index';
import { chooseKernels } from './kernels';
import { GRADIENT_ERROR_BYTES, GradientSlot, ProbeSlot, type GradientWorkerData } from '../../shared/workers/gradient';
import { enableRelaxedSimd } from '../runtime/relaxed-simd';
import { floatView } from './gradient-shards';
import { AdaptiveSpin } from './spin-wait';
import { warmUp } from './gradient-warm-up';

enableRelaxedSimd();

/** Serve requests until asked to exit: read weights and rows, compute the mean gradient, write it, signal. */
function serve(data: GradientWorkerData): void {
  const { config, train, buffers } = data;
  const header = new Int32Array(buffers.header);
  const kernels = chooseKernels(data.kernels, data.estimatedBytes);
  const network = createNetwork(data.architecture, { precision: config.precision, seed: data.seed, kernels });
  network.setWeightDecay(config.weightDecay);
  const params = network.params();
  const values = floatView(buffers.values, config.precision);
  const grads = floatView(buffers.grads, config.precision);
  const rows = new Int32Array(buffers.rows);
  const loss = new Float64Array(buffers.loss);
  const width = checkCompatible(network, train, 'Training');
  const loader = new BatchLoader(config.batchSize, train.d, width, config.precision, kernels);
  let seen = 0;
  const spin = new AdaptiveSpin();
  // The bench's probe only: times of each phase of the last request.
  const probe = buffers.probe ? new Float64Array(buffers.probe) : null;
  const stamp = (slot: number): void => {
    if (probe) probe[slot] = performance.timeOrigin + performance.now();
  };
  warmUp(network, loader, train, config.batchSize);
  // Ready: the run thread's ready() waits for done to leave -1.
  Atomics.store(header, GradientSlot.done, 0);
  Atomics.notify(header, GradientSlot.done);
  for (;;) {
    // Poll briefly (the next request usually comes within the run thread's serial part), then sleep.
    const budget = spin.budget;
    spin.wait(header, GradientSlot.request, seen);
    const request = Atomics.load(header, GradientSlot.request);
    if (request === seen) continue;
    seen = request;
    const count = Atomics.load(header, GradientSlot.count);
    if (count < 0) return;
    stamp(ProbeSlot.seen);
    if (probe) probe[ProbeSlot.spinBudget] = budget;
    let offset = 0;
    for (const p of params) {
      p.value.set(values.subarray(offset, offset + p.value.length));
      offset += p.value.length;
    }
    stamp(ProbeSlot.valuesIn);
    const { x, t } = loader.load(train, rows, 0, count);
    loss[0] = network.gradient(x, t);
    stamp(ProbeSlot.gradient);
    offset = 0;
    for (const p of params) {
      grads.set(p.grad, offset);
      offset += p.grad.length;
    }
    stamp(ProbeSlot.gradsOut);
    Atomics.store(header, GradientSlot.done, request);
    Atomics.notify(header, GradientSlot.done);
  }
}

const data = workerData as GradientWorkerData;
try {
  serve(data);
} catch (error) {
  const header = new Int32Array(data.buffers.header);
  const text = new TextEncoder().encode(error instanceof Error ? error.message : String(error)).subarray(0, GRADIENT_ERROR_BYTES);
  new Uint8Array(data.buffers.error).set(text);
  Atomics.store(header, GradientSlot.failed, 1);
  Atomics.notify(header, GradientSlot.done);
}
