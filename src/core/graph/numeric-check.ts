/**
 * Numeric check of every edge: the central difference of the output with respect to the value carried on that edge
 * (only that edge is nudged, so a branch's two edges are checked apart), beside the backprop gradient.
 */
import { forwardValues, type GraphEvaluation, type OpTable } from './evaluate-graph';
import type { ScalarGraph } from './scalar-graph';
import { SCALAR_OPS } from './scalar-ops';

export interface EdgeCheck {
  from: number;
  to: number;
  slot: number;
  backprop: number;
  numeric: number;
  /** |backprop − numeric| / max(|backprop|, |numeric|, ε). */
  relError: number;
  pass: boolean;
}

export const EDGE_CHECK_DEFAULTS = { h: 1e-5, tolerance: 1e-5, epsilon: 1e-12 };

/** Relative error |a − n| / max(|a|, |n|, ε); NaN when either is not finite. */
export function relativeError(a: number, n: number, epsilon = EDGE_CHECK_DEFAULTS.epsilon): number {
  if (!Number.isFinite(a) || !Number.isFinite(n)) return NaN;
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), epsilon);
}

/**
 * Check each edge of `evaluation` (computed with the same graph and values): nudge the edge by ±h·max(1, |value|), run
 * the forward pass with `ops` (the true ones unless a test injects others), and compare (f₊ − f₋) / 2h with backprop.
 */
export function checkEdges(
  graph: ScalarGraph,
  vars: Record<string, number>,
  evaluation: GraphEvaluation,
  ops: OpTable = SCALAR_OPS,
  options: Partial<typeof EDGE_CHECK_DEFAULTS> = {},
): EdgeCheck[] {
  const { h, tolerance, epsilon } = { ...EDGE_CHECK_DEFAULTS, ...options };
  return evaluation.edges.map((edge) => {
    let numeric = 1;
    if (edge.to !== -1) {
      const step = h * Math.max(1, Math.abs(edge.value));
      const plus = forwardValues(graph, vars, ops, { to: edge.to, slot: edge.slot, delta: step })[graph.output];
      const minus = forwardValues(graph, vars, ops, { to: edge.to, slot: edge.slot, delta: -step })[graph.output];
      numeric = (plus - minus) / (2 * step);
    }
    const relError = relativeError(edge.grad, numeric, epsilon);
    return { from: edge.from, to: edge.to, slot: edge.slot, backprop: edge.grad, numeric, relError, pass: relError <= tolerance };
  });
}
