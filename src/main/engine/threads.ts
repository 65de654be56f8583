/** How many threads train one run: the configured count, or 'auto' (2 when the batch and the work per batch pay for the synchronization). */
import { availableParallelism, loadavg } from 'node:os';
import { canSplitBatch } from '../../core/index';
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';

/**
 * 'auto' splits a batch when batchSize × Σ(Affine fan-in × fan-out) reaches this many multiply-adds per forward
 * pass (784–16–10 at batch 100 is 1.27 M, 784–50–10 3.97 M, 784–256–128–10 23.5 M) and the batch has at least
 * AUTO_MIN_BATCH rows. Measured per step (bench --only threads-sweep, docs/data-parallel.md): 784–16–10 at batch 100
 * gained 1.27× (mean) / 1.8× (median), 784–50–10 at batch 64 1.2× / 1.57×; below ~1 M a step (≲ 0.2 ms) is too short
 * for the fixed cost of the hand-over (wake-up, four passes over the parameters).
 */
export const AUTO_MIN_MULTIPLY_ADDS = 1_000_000;

/**
 * The smallest batch 'auto' splits. The per-step cost of a split grows with the parameters (values in, gradients
 * out, the reduction) and the gain with the rows, so the batch size decides: at batch 32 no network measured paid
 * (784–50–10 1.04×, 784–256–128–10 0.95× mean), at 64 both did (1.2×, 1.18×), at 100 more (1.47×, 1.45×).
 */
export const AUTO_MIN_BATCH = 64;

/** Multiply-adds of one forward pass over a batch: batchSize × Σ fan-in × fan-out of the Affine layers. */
export function multiplyAddsPerBatch(spec: ArchitectureSpec, batchSize: number): number {
  let width = spec.inputSize;
  let sum = 0;
  for (const l of spec.layers) {
    if (l.type !== 'Affine') continue;
    sum += width * l.units;
    width = l.units;
  }
  return sum * batchSize;
}

/**
 * Threads for a run: 1 for networks that cannot be split (BatchNormalization), for batches of one row, and
 * where 'auto' finds too small a batch, too little work or no spare core (the 1-minute load average `load` leaves less than one
 * core idle: a split step waits for its slowest thread, so a busy machine makes it slower); else the
 * configured count, which must not exceed the cores.
 */
export function resolveThreads(
  spec: ArchitectureSpec,
  config: TrainingConfig,
  cores: number = availableParallelism(),
  load: number = loadavg()[0],
): number {
  const wanted = config.threads ?? 'auto';
  if (wanted !== 'auto' && !(Number.isInteger(wanted) && wanted >= 1 && wanted <= cores)) {
    throw new Error(`threads must be 'auto' or an integer from 1 to ${cores} (the cores of this machine), got ${wanted}`);
  }
  if (!canSplitBatch(spec) || config.batchSize < 2) return 1;
  if (wanted !== 'auto') return Math.min(wanted, config.batchSize);
  const spareCore = cores >= 2 && load <= cores - 1;
  const pays = config.batchSize >= AUTO_MIN_BATCH && multiplyAddsPerBatch(spec, config.batchSize) >= AUTO_MIN_MULTIPLY_ADDS;
  return spareCore && pays ? 2 : 1;
}
