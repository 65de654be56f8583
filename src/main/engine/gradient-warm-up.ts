/** The warm-up of a data-parallel run's threads (each helper, and the run thread) before the training clock starts: kernels run hot from the first step. */
import type { BatchLoader, Dataset, Sequential } from '../../core/index';

/** Warm-up passes: at least WARM_UP_PASSES, then more until WARM_UP_MS have passed, at most WARM_UP_MAX_PASSES. */
export const WARM_UP_PASSES = 3;
const WARM_UP_MS = 60;
const WARM_UP_MAX_PASSES = 50;

/**
 * Compute the gradient of the training set's first half-batch a few times. A fresh thread runs its WebAssembly
 * kernels' baseline code until V8 has tiered them up (compiled in the background); a cold helper makes the run
 * thread wait through the first steps, while both cores are busy and the tier-up waits for a core. The run calls
 * this before ready(), outside its training clock. The Dropout RNG is restored afterwards, so the number of passes
 * (which depends on time) never changes a run: a run stays bit-identical for a given thread count.
 * @returns the number of passes made.
 */
export function warmUp(
  network: Sequential,
  loader: BatchLoader,
  train: Dataset,
  batchSize: number,
  now: () => number = () => performance.now(),
): number {
  const rows = Math.min(train.n, loader.capacity, Math.max(1, Math.floor(batchSize / 2)));
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const rng = network.dropoutRng?.getState() ?? null;
  const start = now();
  let pass = 0;
  for (; pass < WARM_UP_MAX_PASSES; pass++) {
    if (pass >= WARM_UP_PASSES && now() - start >= WARM_UP_MS) break;
    const { x, t } = loader.load(train, order, 0, rows);
    network.gradient(x, t);
  }
  if (rng) network.dropoutRng?.setState(rng);
  return pass;
}
