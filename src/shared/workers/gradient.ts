/** What a run worker gives each gradient helper thread (workerData), and the layout of their shared memory. */
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';
import type { Dataset } from '../../core/datasets/dataset';
import type { KernelChoice } from './engine';

/** Int32 slots of GradientBuffers.header. */
export const GradientSlot = {
  /** Requests posted by the run worker (incremented, then notified). */
  request: 0,
  /** Requests the helper has completed (set to the request number, then notified). */
  done: 1,
  /** Rows of the current request; -1 asks the helper to exit. */
  count: 2,
  /** 0 while fine; 1 once the helper failed (its message is in `error`). */
  failed: 3,
} as const;
export const GRADIENT_HEADER_SLOTS = 4;
export const GRADIENT_ERROR_BYTES = 1024;

/** Shared memory between the run worker and one helper: no message is sent per step. */
export interface GradientBuffers {
  header: SharedArrayBuffer;
  /** Int32 training-set row indices of the helper's share (batchSize capacity). */
  rows: SharedArrayBuffer;
  /** Float64: the helper's mean loss. */
  loss: SharedArrayBuffer;
  /** Every parameter value, concatenated in params() order, in the run's precision (written by the run worker). */
  values: SharedArrayBuffer;
  /** The helper's mean gradients, same layout as values. */
  grads: SharedArrayBuffer;
  /** UTF-8 failure message, NUL-padded. */
  error: SharedArrayBuffer;
  /** Only for the bench's probe: Float64 ProbeSlot times of the last request (absent in runs). */
  probe?: SharedArrayBuffer;
}

/**
 * Float64 slots of GradientBuffers.probe: when the helper saw the last request, had copied the values in, had
 * computed its gradient and had written it out (performance.timeOrigin + performance.now(), comparable across
 * threads), and its poll budget (ms) when it began to wait for the request.
 */
export const ProbeSlot = { seen: 0, valuesIn: 1, gradient: 2, gradsOut: 3, spinBudget: 4 } as const;
export const PROBE_SLOTS = 5;

export interface GradientWorkerData {
  architecture: ArchitectureSpec;
  config: TrainingConfig;
  /** x on a SharedArrayBuffer (shared, not copied). */
  train: Dataset;
  kernels: KernelChoice;
  estimatedBytes: number;
  /** Seeds this helper's Dropout masks (its weights come from `values`). */
  seed: number;
  buffers: GradientBuffers;
}
