import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/graph/parse-expression';
import { evaluateGraph } from '../../../src/core/graph/evaluate-graph';
import { GraphError } from '../../../src/core/graph/graph-error';
import { scalarPreset } from '../../../src/core/graph/scalar-presets';

/** dL/d(variable) of an evaluated expression. */
function gradients(expression: string, values: Record<string, number>) {
  const graph = parseExpression(expression);
  const result = evaluateGraph(graph, values);
  const of = (name: string) => result.grads[graph.nodes.findIndex((n) => n.kind === 'var' && n.name === name)];
  return { result, of, graph };
}

describe("evaluateGraph on the chapter's presets", () => {
  it('apples: 2 apples at 100 with tax 1.1 cost 220; ∂apple 2.2, ∂count 110, ∂tax 200', () => {
    const p = scalarPreset('apples');
    const { result, of } = gradients(p.expression, p.values);
    expect(result.output).toBeCloseTo(220, 10);
    expect(of('apple')).toBeCloseTo(2.2, 12);
    expect(of('count')).toBeCloseTo(110, 10);
    expect(of('tax')).toBeCloseTo(200, 10);
  });

  it('apples and oranges: 715; ∂apples 110, ∂apple 2.2, ∂orange 3.3, ∂oranges 165, ∂tax 650', () => {
    const p = scalarPreset('fruit');
    const { result, of } = gradients(p.expression, p.values);
    expect(result.output).toBeCloseTo(715, 10);
    expect(of('apples')).toBeCloseTo(110, 10);
    expect(of('apple')).toBeCloseTo(2.2, 12);
    expect(of('orange')).toBeCloseTo(3.3, 12);
    expect(of('oranges')).toBeCloseTo(165, 10);
    expect(of('tax')).toBe(650);
  });

  it('the chain rule: z = (x + y)² gives ∂z/∂x = ∂z/∂y = 2(x + y)', () => {
    const { result, of } = gradients('(x + y)^2', { x: 2, y: 3 });
    expect(result.output).toBe(25);
    expect(of('x')).toBe(10);
    expect(of('y')).toBe(10);
  });

  it('the sigmoid graph of exp, + and / nodes has the gradient y(1 − y) of the one-node sigmoid', () => {
    const p = scalarPreset('sigmoid');
    for (const x of [-3, -0.5, 0, 0.5, 4]) {
      const composite = gradients(p.expression, { x });
      const node = gradients(p.compareWith ?? '', { x });
      const y = composite.result.output;
      expect(y).toBeCloseTo(node.result.output, 14);
      expect(composite.of('x')).toBeCloseTo(y * (1 - y), 14);
      expect(node.of('x')).toBeCloseTo(y * (1 - y), 14);
    }
  });
});

describe('backward steps', () => {
  it('run from the output to the leaves, each upstream × local = downstream', () => {
    const { result, graph } = gradients('apple * count * tax', { apple: 100, count: 2, tax: 1.1 });
    expect(result.backward.map((s) => s.node)).toEqual([4, 2]);
    const [tax, apple] = result.backward;
    expect(tax.upstream).toBe(1);
    expect(tax.local[1]).toBe(200);
    expect(apple.upstream).toBeCloseTo(1.1, 15);
    expect(apple.local).toEqual([2, 100]);
    for (const s of result.backward) s.downstream.forEach((d, k) => expect(d).toBeCloseTo(s.upstream * s.local[k], 12));
    expect(graph.nodes[tax.node]).toMatchObject({ kind: 'op', op: 'mul' });
  });

  it('a branch (x used twice) sums the gradients of its edges', () => {
    const { result, of } = gradients('x * x + x', { x: 3 });
    expect(result.output).toBe(12);
    expect(of('x')).toBe(7);
    expect(result.edges.filter((e) => e.from === 0).map((e) => e.grad)).toEqual([3, 3, 1]);
    expect(result.edges.at(-1)).toMatchObject({ to: -1, value: 12, grad: 1 });
  });

  it('a missing variable value is a GraphError naming it', () => {
    expect(() => evaluateGraph(parseExpression('x + y'), { x: 1 })).toThrow(GraphError);
    expect(() => evaluateGraph(parseExpression('x + y'), { x: 1 })).toThrow(/"y"/);
  });
});
