/** What a run worker gives each gradient helper thread (workerData), and the layout of the threads' shared memory. */
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';
import type { Dataset } from '../../core/datasets/dataset';
import type { KernelChoice } from './engine';
import type { SharedRegion } from '../../core/kernels/wasm/shared-memory';

/** Int32 slots of GradientBuffers.header shared by the group; thread k's own slots follow (threadSlot). */
export const GroupSlot = {
  /** Requests posted by the run thread (incremented, then notified). */
  request: 0,
  /** What the current request asks (RequestKind). */
  kind: 1,
} as const;
export const GROUP_SLOTS = 2;

/** What a request asks of the helpers. */
export const RequestKind = {
  /** Compute the gradient of your rows, exchange gradients, update your range, exchange values. */
  step: 0,
  /** Take every value and your range of the optimizer state from `values` and `state`. */
  load: 1,
  /** Write your range of the optimizer state into `state`. */
  gather: 2,
  /** End the thread. */
  exit: 3,
  /** The run is over: acknowledge (done), then wait, warm, for the next run's GradientWorkerData as a message. */
  release: 4,
} as const;

/** Int32 slots of one thread (the run thread is thread 0), at threadSlot(k, slot). */
export const ThreadSlot = {
  /** Rows of the batch this thread computes in the current step. */
  count: 0,
  /** Where its rows start in `rows` (helpers only). */
  rowsAt: 1,
  /** The last step (request number) whose gradient and loss this thread has published. */
  grads: 2,
  /** The last step whose weight check (and, when clear, updated range) this thread has published. */
  values: 3,
  /** params() index of the first param whose gradient (of this thread's rows) holds NaN or ±Infinity, or -1. */
  gradientNonFinite: 4,
  /** params() index of the first param with a non-finite updated weight in this thread's range, or -1. */
  weightNonFinite: 5,
  /** Helpers: the last load, gather or start-up request completed (-1 until the network is built and warm). */
  done: 6,
  /** 0 while fine; 1 once the thread failed (its message is in `errors`). */
  failed: 7,
  /** After a non-finite update of a stateless optimizer: the last step whose reduced-gradient check was published. */
  checks: 8,
  /** That check: params() index of the first param with a non-finite reduced gradient in this thread's range, or -1. */
  reducedNonFinite: 9,
} as const;
export const THREAD_SLOTS = 10;

/** Index in the header of thread k's `slot`. */
export const threadSlot = (k: number, slot: number): number => GROUP_SLOTS + k * THREAD_SLOTS + slot;

/** Float64 slots of GradientBuffers.scalars; thread k's mean loss is at ScalarSlot.loss + k. */
export const ScalarSlot = { learningRate: 0, optimizerStep: 1, loss: 2 } as const;

/** Bytes of each helper's UTF-8 failure message in `errors`. */
export const GRADIENT_ERROR_BYTES = 1024;

/** Shared memory of one data-parallel run's threads: no message is sent per step. */
export interface GradientBuffers {
  /** Int32: GROUP_SLOTS + threads · THREAD_SLOTS. */
  header: SharedArrayBuffer;
  /** Float64: ScalarSlot, then one loss per thread. */
  scalars: SharedArrayBuffer;
  /** Int32 training-set row indices of the helpers' shares (batchSize capacity). */
  rows: SharedArrayBuffer;
  /** Every parameter value, concatenated in params() order, in the run's precision: thread k writes its range. */
  values: SharedArrayBuffer;
  /** One per thread: its mean gradient, same layout as values (written outside its own range). */
  grads: SharedArrayBuffer[];
  /** Float64 optimizer state, slot by slot, each slot laid out like values (readStateRange / writeStateRange). */
  state: SharedArrayBuffer;
  /** Helper k's failure message at (k − 1) · GRADIENT_ERROR_BYTES, NUL-padded. */
  errors: SharedArrayBuffer;
  /**
   * Only when the threads compute on one shared WebAssembly memory (GradientWorkerData.region): Int32 byte offsets
   * in it of every thread's params, [value, grad] per param in params() order, thread after thread; the others read
   * a thread's gradient and updated range there, in place, and `values` and `grads` carry no per-step copies.
   */
  addresses?: SharedArrayBuffer;
  /** Only for the bench's probe: Float64 ProbeSlot times of each helper's last step, PROBE_SLOTS per helper. */
  probe?: SharedArrayBuffer;
}

/**
 * Float64 slots of GradientBuffers.probe: when the helper saw the last step, had computed its gradient, had
 * published it, had the others' (all gradients exchanged), had updated its range, and had the others' ranges
 * (performance.timeOrigin + performance.now(), comparable across threads), and its poll budget (ms) before the step.
 */
export const ProbeSlot = { seen: 0, gradient: 1, gradsOut: 2, exchanged: 3, updated: 4, valuesIn: 5, spinBudget: 6 } as const;
export const PROBE_SLOTS = 7;

export interface GradientWorkerData {
  architecture: ArchitectureSpec;
  config: TrainingConfig;
  /** x on a SharedArrayBuffer (shared, not copied). */
  train: Dataset;
  kernels: KernelChoice;
  estimatedBytes: number;
  /** Seeds this helper's Dropout masks (its weights come from `values`). */
  seed: number;
  /** This helper's thread number (1 … threads − 1) and every thread's parameter range (partitionParams). */
  rank: number;
  bounds: number[];
  buffers: GradientBuffers;
  /** This helper's region of the run's shared WebAssembly memory (its kernels compute there), when the run has one. */
  region?: SharedRegion;
}
