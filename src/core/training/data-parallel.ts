/**
 * Data-parallel training seen from the core: a batch split across threads, each computing the mean gradient of its
 * rows; then each thread reduces, updates and checks its own range of the flat parameter vector (RangeUpdate), and
 * the threads exchange the updated ranges. Which networks may be split.
 */
import type { ArchitectureSpec } from '../spec';
import type { FloatArray } from '../matrix';
import type { OptimizerState } from '../optimizers/optimizer';
import type { Kernels } from '../kernels/kernels';
import type { RangeUpdate } from './range-update';
import { firstNonFiniteParam } from './non-finite';

/** Every thread's rows, mean loss and gradient check after the gradient exchange, and the others' gradients over this thread's range. */
export interface ExchangedGradients {
  /** Rows each thread computed (n_k), in thread order. */
  counts: readonly number[];
  /** Each thread's mean loss over its rows (weight decay included), in thread order; 0 for a thread with no rows. */
  losses: readonly number[];
  /** Each thread's first param (params() index) whose gradient holds NaN or ±Infinity, -1: none (or no rows). */
  nonFinite: readonly number[];
  /** This thread's index in counts and losses. */
  rank: number;
  /** Every other thread's mean gradient over this thread's range, per slice (RangeUpdate.slices), in thread order, this thread left out. */
  grads: readonly (readonly FloatArray[])[];
  /**
   * This thread's range as another thread holds it, per slice (null: not readable from here): the values of before
   * this step's update until the values are exchanged, so the update needs no backup of its own.
   */
  held: readonly FloatArray[] | null;
}

/**
 * The other threads of a data-parallel step, seen from the run's thread (rank 0; the engine implements it over
 * shared memory). The Trainer keeps the first `localCount(n)` rows of each batch and hands the rest to `start`.
 */
export interface GradientShards {
  /** Flat parameter offsets of every thread's range (threads + 1 entries): thread k updates [bounds[k], bounds[k+1]). */
  readonly bounds: readonly number[];
  /** Rows of an n-row batch this thread computes itself (the rest go to the other threads). */
  localCount(n: number): number;
  /** Give the other threads the current parameter values and optimizer state: before the first step, and after they were replaced. */
  load(optimizer: OptimizerState): void;
  /** Copy the other threads' ranges of the optimizer state into `state` (this thread's exportState, whose own range is current). */
  gather(state: OptimizerState): void;
  /** Give the other threads these training-set rows, this thread's row count and the step's learning rate; they start at once. */
  start(localCount: number, rows: Int32Array, learningRate: number): void;
  /** Publish this thread's gradient, mean loss and first non-finite gradient param (-1: none); wait for the other threads'. */
  exchangeGradients(loss: number, nonFinite: number): ExchangedGradients;
  /**
   * Publish the first param with a non-finite updated weight in this thread's range (-1: none) and, when there is
   * none, the updated range; wait for the others'. When no thread found one, copy the others' ranges into this
   * thread's values. Returns the lowest such param over all ranges, or -1.
   */
  exchangeValues(nonFinite: number): number;
  /**
   * After a non-finite update of a stateless optimizer (whose gradients were not checked before it): publish the
   * first param with a non-finite reduced gradient in this thread's range (-1: none), wait for the others'; returns
   * the lowest over all ranges, or -1.
   */
  exchangeGradientChecks(nonFinite: number): number;
}

/**
 * A thread's check of its own gradient (all params) before the exchange: the first param holding NaN or ±Infinity,
 * -1: none. Not made (-1) for a stateless optimizer, whose gradient updateShare checks only after a non-finite update.
 */
export function gradientCheckBeforeExchange(update: RangeUpdate, kernels: Kernels): number {
  return update.stateless ? -1 : firstNonFiniteParam(update.params, 'grad', kernels);
}

/** Σ_k (n_k / n) · loss_k in thread order, skipping threads without rows: every thread gets the same bits. */
export function combineLosses(counts: readonly number[], losses: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let loss = 0;
  counts.forEach((c, k) => {
    if (c > 0) loss += (c / n) * losses[k];
  });
  return loss;
}

/** The lowest param index among `found` (-1 entries: nothing found there), or -1. */
export function firstFound(found: readonly number[]): number {
  return found.reduce((first, i) => (i >= 0 && (first < 0 || i < first) ? i : first), -1);
}

/** How a split step ended: applied (null), skipped (non-finite loss or gradient) or undone (non-finite updated weight). */
export type SplitOutcome = null | { where: 'loss' } | { where: 'gradient' | 'weight'; param: number };

/** The two exchanges updateShare calls: GradientShards.exchangeValues and exchangeGradientChecks, bound to a step. */
export interface ShareExchanges {
  values(nonFinite: number): number;
  gradientChecks(nonFinite: number): number;
}

/**
 * The part of a data-parallel step every thread runs once the gradients are exchanged, taking the decisions one
 * thread would take, from the same data on every thread: a non-finite full-batch loss, then a non-finite reduced
 * gradient, skip the update (a reduced element is NaN or ±Infinity exactly when it is in some contributing thread's
 * gradient: each is a convex combination, which cannot overflow); otherwise this thread's range is reduced,
 * updated and checked, the ranges exchanged, and this range restored when some updated weight is non-finite.
 * With a stateless optimizer (SGD) the threads do not check their gradients before the update: a non-finite
 * reduced gradient makes a non-finite updated weight, and only then do the threads look for it in their ranges, so
 * the run reports it, with the weights of before, as one thread would.
 */
export function updateShare(
  update: RangeUpdate,
  exchanged: ExchangedGradients,
  learningRate: number,
  exchanges: ShareExchanges,
): { loss: number; outcome: SplitOutcome } {
  const { counts, losses, nonFinite, rank, grads } = exchanged;
  const loss = combineLosses(counts, losses);
  if (!Number.isFinite(loss)) return { loss, outcome: { where: 'loss' } };
  const badGradient = firstFound(nonFinite.filter((_, k) => counts[k] > 0));
  if (badGradient >= 0) return { loss, outcome: { where: 'gradient', param: badGradient } };
  const n = counts.reduce((a, b) => a + b, 0);
  const others = counts.flatMap((c, k) => (k === rank ? [] : [c / n])).map((weight, j) => ({ weight, grads: grads[j] }));
  const stepped = update.reduceAndApply(counts[rank] / n, others, learningRate, exchanged.held);
  const badWeight = exchanges.values(stepped ? update.firstNonFinite('value') : -1);
  if (badWeight < 0) return { loss, outcome: null };
  update.restore();
  if (update.stateless) {
    const badReduced = exchanges.gradientChecks(update.firstNonFinite('grad'));
    if (badReduced >= 0) return { loss, outcome: { where: 'gradient', param: badReduced } };
  }
  return { loss, outcome: { where: 'weight', param: badWeight } };
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
