/** How many threads train one run: the configured count, or 'auto' (2 when the work per batch pays for the synchronization). */
import { availableParallelism } from 'node:os';
import { canSplitBatch } from '../../core/index';
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';

/**
 * 'auto' splits a batch when batchSize × Σ(Affine fan-in × fan-out) reaches this many multiply-adds per
 * forward pass. Measured with `npm run bench` (engine, float32, batch 100, two cores shared with other
 * jobs): see AUTO_THREADS_NOTE in the note for the figures.
 */
export const AUTO_MIN_MULTIPLY_ADDS = 4_000_000;

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
 * where 'auto' finds too little work; else the configured count, which must not exceed the cores.
 */
export function resolveThreads(spec: ArchitectureSpec, config: TrainingConfig, cores: number = availableParallelism()): number {
  const wanted = config.threads ?? 'auto';
  if (wanted !== 'auto' && !(Number.isInteger(wanted) && wanted >= 1 && wanted <= cores)) {
    throw new Error(`threads must be 'auto' or an integer from 1 to ${cores} (the cores of this machine), got ${wanted}`);
  }
  if (!canSplitBatch(spec) || config.batchSize < 2) return 1;
  if (wanted !== 'auto') return Math.min(wanted, config.batchSize);
  return cores >= 2 && multiplyAddsPerBatch(spec, config.batchSize) >= AUTO_MIN_MULTIPLY_ADDS ? 2 : 1;
}
