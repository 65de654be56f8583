/** Data-parallel training seen from the core: the other threads' shares of a batch, and which networks may be split. */
import type { ArchitectureSpec } from '../spec';
import type { FloatArray } from '../matrix';
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';

/** One other thread's result for its rows of the batch. */
export interface ShardGradient {
  /** Rows this shard computed (n_k). */
  count: number;
  /** Mean loss over its rows (weight decay included). */
  loss: number;
  /** Mean gradient over its rows, one array per param, in params() order. */
  grads: readonly FloatArray[];
}

/**
 * The other threads of a data-parallel step (the engine implements it over shared memory). The Trainer keeps
 * the first `localCount(n)` rows of each batch, hands the rest to `start`, computes its own gradient, then
 * reduces with `finish`: the full-batch mean gradient is Σ_k (n_k / n) · g_k over every shard, itself included.
 */
export interface GradientShards {
  /** Rows of an n-row batch this thread computes itself (the rest go to the other shards). */
  localCount(n: number): number;
  /** Give the other shards these training-set rows and the current parameter values; they start at once. */
  start(rows: Int32Array, params: readonly Param[]): void;
  /** Wait for the other shards' gradients. */
  finish(): ShardGradient[];
}

/**
 * Whether a network may train data-parallel with results equal to one thread. BatchNormalization normalizes
 * with the statistics of the whole batch (its mean and variance couple every row), so a split batch would
 * compute a different function: such networks train on one thread. Dropout only draws its masks from a
 * per-thread RNG, so a split run is deterministic for a given thread count, not equal to one thread.
 */
export function canSplitBatch(spec: ArchitectureSpec): boolean {
  return !spec.layers.some((l) => l.type === 'BatchNormalization');
}

/** The reduced loss, and whether some reduced gradient element is NaN or ±Infinity. */
export interface ReducedShards {
  loss: number;
  nonFinite: boolean;
}

/**
 * g_local ← (n_local/n)·g_local + Σ (n_k/n)·g_k and the same weighting of the losses: the full-batch mean, one
 * `kernels.scaleAdd` pass per shard and param (SIMD in the WebAssembly backend). The last pass's non-finite flags
 * describe the final gradients, so the caller needs no separate scan when they are all clear.
 */
export function reduceShards(
  params: readonly Param[],
  localCount: number,
  localLoss: number,
  shards: readonly ShardGradient[],
  kernels: Kernels = referenceKernels,
): ReducedShards {
  if (shards.length === 0) return { loss: localLoss, nonFinite: params.some((p) => kernels.hasNonFinite(p.grad)) };
  const n = shards.reduce((sum, s) => sum + s.count, localCount);
  const a = localCount / n;
  let loss = a * localLoss;
  let nonFinite = false;
  shards.forEach((s, k) => {
    const w = s.count / n;
    loss += w * s.loss;
    // The first shard also scales the local gradient: one pass over g instead of two.
    nonFinite = false;
    for (let i = 0; i < params.length; i++) {
      if (kernels.scaleAdd(params[i].grad, k === 0 ? a : 1, s.grads[i], w)) nonFinite = true;
    }
  });
  return { loss, nonFinite };
}
