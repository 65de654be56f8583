import { describe, expect, it } from 'vitest';
import { runGraph, parseAssignments } from '../../src/cli/commands/graph';
import { UsageError } from '../../src/cli/usage-error';
import { GraphError } from '../../src/core/graph/graph-error';

async function graph(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runGraph(argv, (l) => lines.push(l));
  return { code, lines };
}

describe('runGraph', () => {
  it('prints forward values and gradients of every node of (x+y)^2 as one JSON object', async () => {
    const { code, lines } = await graph(['(x+y)^2', '--set', 'x=2,y=3', '--json']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]) as {
      output: number;
      pass: boolean;
      nodes: { label: string; value: number; grad: number; rule?: string }[];
      edges: { relError: number }[];
    };
    expect(result.output).toBe(25);
    expect(result.pass).toBe(true);
    expect(result.nodes.map((n) => [n.label, n.value, n.grad])).toEqual([
      ['x', 2, 10],
      ['y', 3, 10],
      ['+', 5, 10],
      ['^2', 25, 1],
    ]);
    expect(result.nodes[3].rule).toBe('∂x = dout · 2 · x^1');
    expect(result.edges).toHaveLength(4);
  });

  it('runs a preset with its book values, and --set overrides one of them', async () => {
    const apples = await graph(['--preset', 'apples']);
    expect(apples.lines).toContain('output      220');
    expect(apples.lines.some((l) => /^ {2}0 {5}apple .* 100 +2\.2$/.test(l))).toBe(true);
    const three = await graph(['--preset', 'apples', '--set', 'count=3', '--json']);
    expect((JSON.parse(three.lines[0]) as { output: number }).output).toBeCloseTo(330, 10);
  });

  it('rejects a bad expression with its position, missing or unknown values, and bad --set syntax', async () => {
    await expect(graph(['(x + y', '--set', 'x=1,y=2'])).rejects.toThrow(GraphError);
    await expect(graph(['(x + y', '--set', 'x=1,y=2'])).rejects.toThrow(/column 1/);
    await expect(graph(['x + y', '--set', 'x=1'])).rejects.toThrow('--set: no value for y (the expression uses x, y)');
    await expect(graph(['x', '--set', 'x=1,z=2'])).rejects.toThrow(/z is not a variable/);
    await expect(graph(['x', '--preset', 'apples'])).rejects.toThrow(UsageError);
    await expect(graph(['--preset', 'pears'])).rejects.toThrow(/apples, fruit, chain, sigmoid/);
    await expect(graph([])).rejects.toThrow(/expected an expression/);
  });

  it('parses --set strictly', () => {
    expect(parseAssignments('x=2, y=-3.5e1')).toEqual({ x: 2, y: -35 });
    expect(() => parseAssignments('x=0x1A')).toThrow(UsageError);
    expect(() => parseAssignments('x=')).toThrow(UsageError);
    expect(() => parseAssignments('x=1,x=2')).toThrow(/twice/);
  });
});
