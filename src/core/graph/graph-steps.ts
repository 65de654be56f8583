/**
 * Stepping through a scalar graph as the chapter narrates it: step 0 shows the leaves' values, then one forward step per
 * operation node (left to right), then one backward step per operation node (from the output back to the leaves).
 */
import type { GraphEvaluation } from './evaluate-graph';
import type { ScalarGraph } from './scalar-graph';

export type GraphStep = { phase: 'start' } | { phase: 'forward'; node: number } | { phase: 'backward'; node: number };

/** Every step of `graph`: start, forwards in topological order, backwards in the order `evaluation.backward` ran them. */
export function stepsOf(graph: ScalarGraph, evaluation: GraphEvaluation): GraphStep[] {
  const forward = graph.nodes.flatMap((n): GraphStep[] => (n.kind === 'op' ? [{ phase: 'forward', node: n.id }] : []));
  const backward = evaluation.backward.map((s): GraphStep => ({ phase: 'backward', node: s.node }));
  return [{ phase: 'start' }, ...forward, ...backward];
}

/** What is visible after step `step` of `steps`: node values computed, and edges whose gradient has been sent. */
export interface StepState {
  /** Nodes whose forward value is known (leaves always). */
  valueKnown: Set<number>;
  /** Op nodes whose backward has run. */
  backwardDone: Set<number>;
  /** The output's upstream gradient 1 is shown once the forward pass is complete. */
  outputGradShown: boolean;
  /** The node of the current step, or null at the start. */
  current: number | null;
}

export function stepState(graph: ScalarGraph, steps: GraphStep[], step: number): StepState {
  const valueKnown = new Set(graph.nodes.filter((n) => n.kind !== 'op').map((n) => n.id));
  const backwardDone = new Set<number>();
  const forwardCount = steps.filter((s) => s.phase === 'forward').length;
  const upTo = Math.max(0, Math.min(step, steps.length - 1));
  for (const s of steps.slice(1, upTo + 1))
    if (s.phase !== 'start') (s.phase === 'forward' ? valueKnown : backwardDone).add(s.node);
  const current = steps[upTo];
  return {
    valueKnown,
    backwardDone,
    outputGradShown: upTo >= forwardCount,
    current: current.phase === 'start' ? null : current.node,
  };
}
