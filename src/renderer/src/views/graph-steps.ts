/** Stepping through a traced pass: which edge values are visible at step s (forward left to right, then backward right to left). */
import type { TensorView } from '../../../shared/insight';
import { num } from './format';

/**
 * With n layer nodes there are n + 1 edges (x → node 0 … node n−1 → L) and steps 0..2n+1. At step s the forward value of
 * edge e is shown when e ≤ s (edge 0, the input, always), and its gradient when s ≥ 2n + 1 − e (edge n's gradient, 1, first).
 */
export function visibility(n: number, step: number, edge: number): { forward: boolean; backward: boolean } {
  return { forward: edge <= step, backward: step >= 2 * n + 1 - edge };
}

/** The last step of a pass through n nodes. */
export const lastStep = (n: number): number => 2 * n + 1;

/** A one-line description of a tensor: its few values, or its shape and mean (the card below shows the rest). */
export function brief(view: TensorView): string {
  if (view.values && view.values.length <= 3) return view.values.map(num).join(', ');
  return `${view.rows}×${view.cols} μ ${num(view.summary.mean)}`;
}
