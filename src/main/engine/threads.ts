/** How many threads train one run: the configured count, or 'auto' (2 when the work per batch pays for the synchronization). */
import { availableParallelism, loadavg } from 'node:os';
import { canSplitBatch } from '../../core/index';
import type { ArchitectureSpec, TrainingConfig } from '../../core/spec';

/**
 * 'auto' splits a batch when batchSize × Σ(Affine fan-in × fan-out) reaches this many multiply-adds per
 * forward pass (784–50–10 at batch 100 is 3.97 M; 784–256–128–10 at batch 100 is 23.5 M). Each step then
 * costs two thread wake-ups plus four passes over the parameters (values out, values in, gradients out,
 * the reduction), which a step below ~2 M multiply-adds (≲ 0.3 ms on one core) does not earn back.
 * Measured on 2 cores at load average 17–21 (docs/data-parallel.md): there 2 threads never paid (0.42–0.87×)
 * because the second core was never free, hence the spare-core condition of resolveThreads.
 */
export const AUTO_MIN_MULTIPLY_ADDS = 2_000_000;

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
 * where 'auto' finds too little work or no spare core (the 1-minute load average `load` leaves less than one
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
  return spareCore && multiplyAddsPerBatch(spec, config.batchSize) >= AUTO_MIN_MULTIPLY_ADDS ? 2 : 1;
}
