/** The run worker's side of data-parallel training: helper threads that compute shares of each batch and update shares of the parameters. */
import { Worker } from 'node:worker_threads';
import type { ExchangedGradients, GradientShards, OptimizerState, Param } from '../../core/index';
import { createOptimizer, paramStarts, partitionParams, readStateRange, writeStateRange } from '../../core/index';
import type { TrainJob } from '../../shared/workers/engine';
import {
  GRADIENT_ERROR_BYTES,
  GROUP_SLOTS,
  GroupSlot,
  PROBE_SLOTS,
  RequestKind,
  ScalarSlot,
  THREAD_SLOTS,
  ThreadSlot,
  threadSlot,
  type GradientBuffers,
  type GradientWorkerData,
} from '../../shared/workers/gradient';
import { ThreadExchange } from './thread-exchange';
import type { HelperPool } from './helper-pool';
import type { SharedRegion } from '../../core/kernels/wasm/index';

/** How the helpers are made and how the threads exchange. */
export interface ShardOptions {
  /** The bench's probe: each helper records when the phases of its last step ended (see probeTimes). */
  probe?: boolean;
  /** Take the helpers from this pool (warm, when an earlier run released them) and give them back at dispose. */
  pool?: HelperPool;
  /**
   * Every thread's region of one shared WebAssembly memory (chooseRunKernels): regions[0] holds this thread's
   * params, helper k computes in regions[k], and each thread reads the others' gradients and values in place.
   */
  regions?: readonly SharedRegion[] | null;
}

/**
 * How long ready() waits for a helper to build its network (it takes ~0.1–0.2 s; minutes on a crowded machine). A
 * helper whose bundle cannot load never runs a line, so it cannot report its failure through shared memory: this
 * bound turns that case into an error instead of a run that waits forever.
 */
export const HELPER_START_TIMEOUT_MS = 120_000;

/** How long dispose waits for a pooled helper to acknowledge its release (it answers within a step; else it is ended). */
export const RELEASE_TIMEOUT_MS = 1000;

/** `threads − 1` helper workers (out/main/gradient-worker.js next to this bundle) sharing each batch and the update with this thread. */
export class WorkerGradientShards implements GradientShards {
  readonly bounds: readonly number[];
  /** Resolves with the helpers' exit codes once every helper thread has ended; at once with [] for pooled helpers, which outlive the run. */
  readonly exited: Promise<number[]>;
  private readonly workers: Worker[];
  private readonly exchange: ThreadExchange;
  private readonly rows: Int32Array;
  /** Optimizer state slots for load and gather (float64, slot by slot, laid out like the values). */
  private readonly state: Float64Array;
  private readonly probe: Float64Array | null;
  private readonly threads: number;
  /** The last request posted (its number). */
  private request = 0;

  private readonly pool?: HelperPool;

  constructor(
    job: TrainJob,
    threads: number,
    private readonly params: readonly Param[],
    private readonly helperPath: URL | string,
    { probe = false, pool, regions = null }: ShardOptions = {},
  ) {
    this.pool = pool;
    this.threads = threads;
    const { precision } = job.config;
    this.bounds = partitionParams(params, threads);
    const total = this.bounds[threads];
    const bytes = (precision === 'float64' ? 8 : 4) * total;
    // One float64 array per optimizer slot and param (Adam: m and v; SGD: none).
    const slots = params.length === 0 ? 0 : createOptimizer(job.config).exportState([...params]).tensors.length / params.length;
    const buffers: GradientBuffers = {
      header: new SharedArrayBuffer(4 * (GROUP_SLOTS + threads * THREAD_SLOTS)),
      scalars: new SharedArrayBuffer(8 * (ScalarSlot.loss + threads)),
      rows: new SharedArrayBuffer(4 * job.config.batchSize),
      values: new SharedArrayBuffer(bytes),
      // In place, the others read this thread's gradient where it lies: no exchange buffer per thread.
      grads: regions ? [] : Array.from({ length: threads }, () => new SharedArrayBuffer(bytes)),
      ...(regions ? { addresses: new SharedArrayBuffer(4 * 2 * threads * params.length) } : {}),
      state: new SharedArrayBuffer(8 * slots * total),
      errors: new SharedArrayBuffer(GRADIENT_ERROR_BYTES * (threads - 1)),
      ...(probe ? { probe: new SharedArrayBuffer(8 * PROBE_SLOTS * (threads - 1)) } : {}),
    };
    this.exchange = new ThreadExchange(buffers, precision, params, this.bounds, 0, regions !== null);
    this.rows = new Int32Array(buffers.rows);
    this.state = new Float64Array(buffers.state);
    this.probe = buffers.probe ? new Float64Array(buffers.probe) : null;
    const header = this.exchange.header;
    this.workers = Array.from({ length: threads - 1 }, (_, h) => {
      const rank = h + 1;
      const data: GradientWorkerData = {
        architecture: job.architecture,
        config: job.config,
        train: job.train,
        kernels: job.kernels,
        estimatedBytes: job.estimatedBytes,
        seed: (job.config.seed + rank) >>> 0,
        rank,
        bounds: [...this.bounds],
        buffers,
        ...(regions ? { region: regions[rank] } : {}),
      };
      // done = -1 until the helper has built its network: ready() waits for it to become 0 (request 0).
      Atomics.store(header, threadSlot(rank, ThreadSlot.done), -1);
      if (pool) return pool.take(helperPath, data);
      const worker = new Worker(helperPath, { workerData: data, stdout: false, stderr: false });
      // A helper's failure reaches the run through shared memory or the start-up deadline; its 'error' event (e.g.
      // a bundle that cannot load) must not become an uncaught exception of the run thread.
      worker.on('error', () => undefined);
      return worker;
    });
    for (const worker of this.workers) worker.unref();
    this.exited = pool
      ? Promise.resolve([])
      : Promise.all(this.workers.map((w) => new Promise<number>((done) => w.once('exit', done))));
  }

  /**
   * Block until every helper has started, built its network and warmed its kernels up (or throw its failure): call
   * it before timing the training, so that the helpers' start-up (~0.1–0.2 s) is not charged to the first batch.
   */
  ready(timeoutMs: number = HELPER_START_TIMEOUT_MS): void {
    const deadline = performance.now() + timeoutMs;
    for (let k = 1; k < this.threads; k++) this.exchange.await(k, ThreadSlot.done, 0, deadline);
  }

  /** An equal share per thread: every thread now does the same passes over the parameters (its range, its gradient). */
  localCount(n: number): number {
    return Math.ceil(n / this.threads);
  }

  load(optimizer: OptimizerState): void {
    const starts = paramStarts(this.params);
    this.params.forEach((p, i) => this.exchange.values.set(p.value, starts[i]));
    writeStateRange(optimizer, this.params, this.state, 0, this.bounds[this.threads]);
    this.exchange.scalars[ScalarSlot.optimizerStep] = optimizer.step;
    this.post(RequestKind.load);
    for (let k = 1; k < this.threads; k++) this.exchange.await(k, ThreadSlot.done, this.request);
  }

  gather(state: OptimizerState): void {
    this.post(RequestKind.gather);
    for (let k = 1; k < this.threads; k++) {
      this.exchange.await(k, ThreadSlot.done, this.request);
      readStateRange(state, this.params, this.state, this.bounds[k], this.bounds[k + 1]);
    }
  }

  start(localCount: number, rows: Int32Array, learningRate: number): void {
    const header = this.exchange.header;
    const helpers = this.threads - 1;
    const share = Math.ceil(rows.length / helpers);
    this.rows.set(rows);
    Atomics.store(header, threadSlot(0, ThreadSlot.count), localCount);
    for (let k = 1; k <= helpers; k++) {
      const at = Math.min(rows.length, (k - 1) * share);
      Atomics.store(header, threadSlot(k, ThreadSlot.rowsAt), at);
      Atomics.store(header, threadSlot(k, ThreadSlot.count), Math.min(rows.length, at + share) - at);
    }
    this.exchange.scalars[ScalarSlot.learningRate] = learningRate;
    this.post(RequestKind.step);
  }

  exchangeGradients(loss: number, nonFinite: number): ExchangedGradients {
    this.exchange.publishGradients(this.request, loss, nonFinite);
    return this.exchange.awaitGradients(this.request);
  }

  exchangeValues(nonFinite: number): number {
    return this.exchange.exchangeValues(this.request, nonFinite);
  }

  exchangeGradientChecks(nonFinite: number): number {
    return this.exchange.exchangeGradientChecks(this.request, nonFinite);
  }

  /** Helper k's (1 … threads − 1) ProbeSlot times of its last step (null unless constructed with `probe`). */
  probeTimes(k: number): Float64Array | null {
    return this.probe ? this.probe.subarray((k - 1) * PROBE_SLOTS, k * PROBE_SLOTS) : null;
  }

  /**
   * Ask every helper to exit, and terminate it in case it is stuck; with a pool, ask them to wait for the next run
   * instead and give back those that acknowledge within `releaseMs` (a helper that failed or hangs is ended).
   */
  dispose(releaseMs = RELEASE_TIMEOUT_MS): void {
    if (this.pool) {
      this.post(RequestKind.release);
      const deadline = performance.now() + releaseMs;
      this.workers.forEach((worker, h) => {
        try {
          this.exchange.await(h + 1, ThreadSlot.done, this.request, deadline);
          this.pool?.give(this.helperPath, worker);
        } catch {
          void worker.terminate();
        }
      });
      return;
    }
    this.post(RequestKind.exit);
    for (const w of this.workers) void w.terminate();
  }

  private post(kind: number): void {
    const header = this.exchange.header;
    Atomics.store(header, GroupSlot.kind, kind);
    this.request = Atomics.add(header, GroupSlot.request, 1) + 1;
    Atomics.notify(header, GroupSlot.request);
  }
}
