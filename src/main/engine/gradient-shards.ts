/** The run worker's side of data-parallel training: helper threads that compute shares of each batch, synchronized over shared memory. */
import { Worker } from 'node:worker_threads';
import type { FloatArray, GradientShards, Param, ShardGradient } from '../../core/index';
import type { Precision } from '../../core/spec';
import type { TrainJob } from '../../shared/workers/engine';
import {
  GRADIENT_ERROR_BYTES,
  GRADIENT_HEADER_SLOTS,
  GradientSlot,
  PROBE_SLOTS,
  type GradientBuffers,
  type GradientWorkerData,
} from '../../shared/workers/gradient';
import { AdaptiveSpin } from './spin-wait';

/** How long one wait for a helper blocks before checking again whether it failed. */
const WAIT_SLICE_MS = 200;

/**
 * How long ready() waits for a helper to build its network (it takes ~0.1–0.2 s; minutes on a crowded machine). A
 * helper whose bundle cannot load never runs a line, so it cannot report its failure through shared memory: this
 * bound turns that case into an error instead of a run that waits forever.
 */
export const HELPER_START_TIMEOUT_MS = 120_000;

/** A Float32Array or Float64Array view of a shared buffer, by precision. */
export function floatView(buffer: SharedArrayBuffer, precision: Precision): FloatArray {
  return precision === 'float64' ? new Float64Array(buffer) : new Float32Array(buffer);
}

/** One helper thread with its shared buffers and typed views of them. */
interface Helper {
  worker: Worker;
  header: Int32Array;
  rows: Int32Array;
  loss: Float64Array;
  values: FloatArray;
  grads: FloatArray;
  error: Uint8Array;
  /** The bench's probe only: ProbeSlot times of the last request. */
  probe: Float64Array | null;
  /** Rows of the request in flight and its number. */
  count: number;
  request: number;
  /** Per-param views of `grads`, in params() order. */
  gradViews: FloatArray[];
}

/** `threads − 1` helper workers (out/main/gradient-worker.js next to this bundle) sharing each batch with this thread. */
export class WorkerGradientShards implements GradientShards {
  /** Resolves with the helpers' exit codes once every helper thread has ended. */
  readonly exited: Promise<number[]>;
  private readonly helpers: Helper[];
  private readonly threads: number;
  /** How long finish() polls for a helper before it sleeps. */
  private readonly spin = new AdaptiveSpin();

  /** `probe` (the bench's only) makes each helper record when its phases of the last request ended: see probeTimes. */
  constructor(job: TrainJob, threads: number, params: readonly Param[], helperPath: URL | string, probe = false) {
    this.threads = threads;
    const { precision } = job.config;
    const total = params.reduce((sum, p) => sum + p.value.length, 0);
    const bytes = (precision === 'float64' ? 8 : 4) * total;
    this.helpers = Array.from({ length: threads - 1 }, (_, k) => {
      const buffers: GradientBuffers = {
        header: new SharedArrayBuffer(4 * GRADIENT_HEADER_SLOTS),
        rows: new SharedArrayBuffer(4 * job.config.batchSize),
        loss: new SharedArrayBuffer(8),
        values: new SharedArrayBuffer(bytes),
        grads: new SharedArrayBuffer(bytes),
        error: new SharedArrayBuffer(GRADIENT_ERROR_BYTES),
        ...(probe ? { probe: new SharedArrayBuffer(8 * PROBE_SLOTS) } : {}),
      };
      const data: GradientWorkerData = {
        architecture: job.architecture,
        config: job.config,
        train: job.train,
        kernels: job.kernels,
        estimatedBytes: job.estimatedBytes,
        seed: (job.config.seed + k + 1) >>> 0,
        buffers,
      };
      // done = -1 until the helper has built its network: ready() waits for it to become 0 (request 0).
      Atomics.store(new Int32Array(buffers.header), GradientSlot.done, -1);
      const worker = new Worker(helperPath, { workerData: data, stdout: false, stderr: false });
      worker.unref();
      // A helper's failure reaches the run through ready()/finish() (shared memory or the start-up deadline); its
      // 'error' event (e.g. a bundle that cannot load) must not become an uncaught exception of the run thread.
      worker.on('error', () => undefined);
      const grads = floatView(buffers.grads, precision);
      let offset = 0;
      const gradViews = params.map((p) => grads.subarray(offset, (offset += p.value.length)));
      return {
        worker,
        header: new Int32Array(buffers.header),
        rows: new Int32Array(buffers.rows),
        loss: new Float64Array(buffers.loss),
        values: floatView(buffers.values, precision),
        grads,
        error: new Uint8Array(buffers.error),
        probe: buffers.probe ? new Float64Array(buffers.probe) : null,
        count: 0,
        request: 0,
        gradViews,
      };
    });
    this.exited = Promise.all(this.helpers.map((h) => new Promise<number>((done) => h.worker.once('exit', done))));
  }

  /**
   * Block until every helper has started and built its network (or throw its failure): call it before timing
   * the training, so that the helpers' start-up (loading the bundle, compiling the kernels, ~0.1–0.2 s) is not
   * charged to the first batch.
   */
  ready(timeoutMs: number = HELPER_START_TIMEOUT_MS): void {
    const deadline = performance.now() + timeoutMs;
    for (const h of this.helpers) this.await(h, deadline);
  }

  /**
   * ceil(n / threads) plus n / (25 · threads) rows: this thread takes the first and largest share, since each helper
   * spends about two batch rows' worth of time on its extra passes over the parameters (values in, gradients out;
   * measured on 784–256–128–10 at batch 100: the run thread's 50 rows ended 0.13 ms before the helper's 50).
   * A fixed split, so a run stays deterministic for a given thread count.
   */
  localCount(n: number): number {
    return Math.min(n, Math.ceil(n / this.threads) + Math.floor(n / (25 * this.threads)));
  }

  start(rows: Int32Array, params: readonly Param[]): void {
    const share = Math.ceil(rows.length / this.helpers.length);
    this.helpers.forEach((h, k) => {
      const part = rows.subarray(k * share, Math.min(rows.length, (k + 1) * share));
      h.count = part.length;
      if (h.count === 0) return;
      h.rows.set(part);
      let offset = 0;
      for (const p of params) {
        h.values.set(p.value, offset);
        offset += p.value.length;
      }
      this.post(h, h.count);
    });
  }

  finish(): ShardGradient[] {
    return this.helpers
      .filter((h) => h.count > 0)
      .map((h) => {
        this.await(h);
        return { count: h.count, loss: h.loss[0], grads: h.gradViews };
      });
  }

  /** Helper k's ProbeSlot times of the last request (null unless constructed with `probe`). */
  probeTimes(k: number): Float64Array | null {
    return this.helpers[k].probe;
  }

  /** Ask every helper to exit, and terminate it in case it is stuck. */
  dispose(): void {
    for (const h of this.helpers) {
      this.post(h, -1);
      void h.worker.terminate();
    }
  }

  private post(h: Helper, count: number): void {
    Atomics.store(h.header, GradientSlot.count, count);
    h.request = Atomics.add(h.header, GradientSlot.request, 1) + 1;
    Atomics.notify(h.header, GradientSlot.request);
  }

  /** Block until the helper has completed its request; throw its message if it failed, or once `deadline` (performance.now()) passes. */
  private await(h: Helper, deadline = Infinity): void {
    for (;;) {
      const done = Atomics.load(h.header, GradientSlot.done);
      if (done === h.request) return;
      if (Atomics.load(h.header, GradientSlot.failed) !== 0) {
        const end = h.error.indexOf(0);
        throw new Error(
          `gradient helper thread failed: ${new TextDecoder().decode(h.error.slice(0, end < 0 ? h.error.length : end))}`,
        );
      }
      if (performance.now() >= deadline)
        throw new Error('gradient helper thread did not start (its bundle did not load or build)');
      // Poll first: the helper usually finishes within its share's compute time, well before a sleep pays.
      this.spin.wait(h.header, GradientSlot.done, done, WAIT_SLICE_MS);
    }
  }
}
