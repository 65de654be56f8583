import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/graph/index';
import { COLUMN, layoutGraph } from '../../../src/renderer/src/views/graph-layout';

describe('layoutGraph', () => {
  it('draws apple * count * tax as the book does: apple and count left, tax beside the second ×, output at the right', () => {
    const graph = parseExpression('apple * count * tax');
    const { at, out, width } = layoutGraph(graph);
    const [apple, count, mul1, tax, mul2] = at;
    expect(apple.x).toBe(count.x);
    expect(apple.y).toBeLessThan(count.y);
    expect(mul1.x - apple.x).toBe(COLUMN);
    expect(tax.x).toBe(mul1.x);
    expect(tax.y).toBeGreaterThan(mul1.y);
    expect(mul2.x - mul1.x).toBe(COLUMN);
    expect(out.x).toBeGreaterThan(mul2.x);
    expect(width).toBeGreaterThan(out.x);
  });

  it('never puts two nodes of a column on the same spot', () => {
    const { at } = layoutGraph(parseExpression('exp(a) + exp(a) * log(a)'));
    const spots = at.map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});
