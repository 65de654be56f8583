/**
 * A Trainer's complete state — weights, optimizer state, the positions of the shuffle and dropout RNGs, the epoch's
 * row order and the batch position — so that a restored Trainer continues bit for bit as the original would have.
 */
import type { NamedTensor } from '../param';
import type { OptimizerState } from '../optimizers/optimizer';
import type { RngState } from '../rng';

export interface TrainerState {
  /** 0-based epoch of the next batch. */
  epoch: number;
  /** Batches trained so far. */
  iteration: number;
  /** Batches of the current epoch already trained (0 at an epoch boundary). */
  batchInEpoch: number;
  weights: NamedTensor[];
  /** Null: start the optimizer afresh (a branch that changed the optimizer). */
  optimizer: OptimizerState | null;
  shuffleRng: RngState;
  /** Null for a network without Dropout. */
  dropoutRng: RngState | null;
  /** The current epoch's row order: a permutation of 0…N−1. */
  order: Int32Array;
}

const nonNegativeInt = (name: string, v: number): void => {
  if (!(Number.isInteger(v) && v >= 0)) throw new Error(`trainer state: ${name} must be an integer ≥ 0, got ${v}`);
};

/** Check the counters and the order against a training set of `n` rows in `batchesPerEpoch` batches; throws naming the field. */
export function checkTrainerState(state: TrainerState, n: number, batchesPerEpoch: number): void {
  nonNegativeInt('epoch', state.epoch);
  nonNegativeInt('iteration', state.iteration);
  nonNegativeInt('batchInEpoch', state.batchInEpoch);
  if (state.batchInEpoch >= batchesPerEpoch)
    throw new Error(`trainer state: batchInEpoch ${state.batchInEpoch} is not below the ${batchesPerEpoch} batches of an epoch`);
  if (state.order.length !== n) throw new Error(`trainer state: order has ${state.order.length} rows, the training set ${n}`);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = state.order[i];
    if (!(row >= 0 && row < n) || seen[row])
      throw new Error(`trainer state: order is not a permutation of 0…${n - 1} (index ${i} holds ${row})`);
    seen[row] = 1;
  }
}
