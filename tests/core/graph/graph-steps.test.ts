import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/graph/parse-expression';
import { evaluateGraph } from '../../../src/core/graph/evaluate-graph';
import { stepsOf, stepState } from '../../../src/core/graph/graph-steps';

describe('stepping a scalar graph', () => {
  const graph = parseExpression('(x + y)^2');
  const steps = stepsOf(graph, evaluateGraph(graph, { x: 2, y: 3 }));

  it('starts, runs forward node by node, then backward from the output', () => {
    expect(steps).toEqual([
      { phase: 'start' },
      { phase: 'forward', node: 2 },
      { phase: 'forward', node: 3 },
      { phase: 'backward', node: 3 },
      { phase: 'backward', node: 2 },
    ]);
  });

  it('shows only the leaves at the start, and the upstream 1 once the forward pass is complete', () => {
    const start = stepState(graph, steps, 0);
    expect([...start.valueKnown]).toEqual([0, 1]);
    expect(start.current).toBeNull();
    expect(stepState(graph, steps, 1).outputGradShown).toBe(false);
    const done = stepState(graph, steps, 2);
    expect(done.outputGradShown).toBe(true);
    expect(done.backwardDone.size).toBe(0);
  });

  it('marks each backward step done in turn, and clamps steps past either end', () => {
    expect([...stepState(graph, steps, 3).backwardDone]).toEqual([3]);
    expect([...stepState(graph, steps, 99).backwardDone]).toEqual([3, 2]);
    expect(stepState(graph, steps, -5).current).toBeNull();
    expect(stepState(graph, steps, 4).current).toBe(2);
  });
});
