/**
 * A branch's curves drawn as continuing its parent's: its own points (epochs k+1…, iterations after the checkpoint)
 * preceded by the parent's point at the checkpoint, so that the line starts where the branch left the parent's.
 */
import type { EpochMetrics, LossPoint, RunParent } from '../../../shared/runs';

/** The parent's epoch metrics at the checkpoint (after `parent.epoch` epochs: the 0-based epoch parent.epoch − 1), first. */
export function continuedEpochs(
  own: readonly EpochMetrics[],
  parent: RunParent | null | undefined,
  parentEpochs: readonly EpochMetrics[] | undefined,
): EpochMetrics[] {
  const at = parent ? parentEpochs?.find((e) => e.epoch === parent.epoch - 1) : undefined;
  return at ? [at, ...own] : [...own];
}

/** The parent's last loss point at or before the checkpoint's iteration, first. */
export function continuedLoss(
  own: readonly LossPoint[],
  parent: RunParent | null | undefined,
  parentLoss: readonly LossPoint[] | undefined,
): LossPoint[] {
  const at = parent ? parentLoss?.filter(([x]) => x <= parent.iteration).at(-1) : undefined;
  return at ? [at, ...own] : [...own];
}
