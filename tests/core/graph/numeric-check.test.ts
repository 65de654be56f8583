import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/graph/parse-expression';
import { evaluateGraph, type OpTable } from '../../../src/core/graph/evaluate-graph';
import { checkEdges, relativeError } from '../../../src/core/graph/numeric-check';
import { SCALAR_OPS } from '../../../src/core/graph/scalar-ops';
import { SCALAR_PRESETS } from '../../../src/core/graph/scalar-presets';

function check(expression: string, values: Record<string, number>, ops: OpTable = SCALAR_OPS) {
  const graph = parseExpression(expression);
  return checkEdges(graph, values, evaluateGraph(graph, values, ops), ops);
}

describe('checkEdges', () => {
  it.each(SCALAR_PRESETS.map((p) => [p.id, p] as const))('passes on every edge of the %s preset', (_id, p) => {
    const checks = check(p.expression, p.values);
    expect(checks.length).toBeGreaterThan(2);
    for (const c of checks) expect(c.relError, `${c.from}→${c.to}`).toBeLessThan(1e-7);
    expect(checks.every((c) => c.pass)).toBe(true);
  });

  it('checks each edge of a branch apart (x * x: both edges carry ∂ = 3, not the summed 6)', () => {
    const checks = check('x * x', { x: 3 });
    expect(checks.slice(0, 2).map((c) => Math.round(c.numeric * 1e6) / 1e6)).toEqual([3, 3]);
  });

  it('catches a Mul node whose backward is edited to be wrong (dout × its own input)', () => {
    const broken: OpTable = { ...SCALAR_OPS, mul: { ...SCALAR_OPS.mul, backward: (dout, [a, b]) => [dout * a, dout * b] } };
    const checks = check('apple * count * tax', { apple: 100, count: 2, tax: 1.1 }, broken);
    const failing = checks.filter((c) => !c.pass);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((c) => c.relError > 0.1)).toBe(true);
  });

  it('catches a reciprocal whose backward lost its minus sign', () => {
    const broken: OpTable = { ...SCALAR_OPS, recip: { ...SCALAR_OPS.recip, backward: (dout, _x, y) => [dout * y * y] } };
    expect(check('1 / (1 + exp(-x))', { x: 0.5 }, broken).some((c) => !c.pass)).toBe(true);
  });

  it('relative error is 0 for equal values, symmetric, and NaN for non-finite ones', () => {
    expect(relativeError(2, 2)).toBe(0);
    expect(relativeError(1, 2)).toBe(relativeError(2, 1));
    expect(relativeError(1, 2)).toBe(0.5);
    expect(relativeError(NaN, 1)).toBeNaN();
  });
});
