import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpression } from '../../../src/core/graph/parse-expression';
import { printExpression } from '../../../src/core/graph/print-expression';
import { GraphError } from '../../../src/core/graph/graph-error';

/** The node kinds of a parsed graph, compactly (op names, variable names, constants). */
const shape = (text: string) =>
  parseExpression(text).nodes.map((n) =>
    n.kind === 'op' ? `${n.op}(${n.inputs.join(',')})${n.op === 'pow' ? n.param : ''}` : n.kind === 'var' ? n.name : n.value,
  );

function errorOf(text: string): GraphError {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof GraphError) return e;
    throw e;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseExpression', () => {
  it('parses (x + y)^2 into an add node and a square node', () => {
    expect(shape('(x + y)^2')).toEqual(['x', 'y', 'add(0,1)', 'pow(2)2']);
  });

  it("builds the book's sigmoid graph: ×(−1), exp, +1, and the reciprocal node", () => {
    expect(shape('1 / (1 + exp(-x))')).toEqual([1, 'x', -1, 'mul(1,2)', 'exp(3)', 'add(0,4)', 'recip(5)']);
  });

  it('chains apple * n * tax left to right, as the book does', () => {
    expect(shape('apple * n * tax')).toEqual(['apple', 'n', 'mul(0,1)', 'tax', 'mul(2,3)']);
  });

  it('shares one node per variable, so a branch sums its gradients', () => {
    expect(shape('x * x + x')).toEqual(['x', 'mul(0,0)', 'add(1,0)']);
  });

  it('respects precedence: unary minus binds looser than ^, ^ is right-associative, − is left-associative', () => {
    expect(shape('-x^2')).toEqual(['x', 'pow(0)2', -1, 'mul(1,2)']);
    expect(shape('a - b - c')).toEqual(['a', 'b', 'sub(0,1)', 'c', 'sub(2,3)']);
    expect(shape('2 ** -1')).toEqual([2, 'pow(0)-1']);
  });

  it('knows max, sum, relu, log, sigmoid and accepts × ÷ − as typed in a book', () => {
    expect(shape('max(a, b) + sum(a, b, c)')).toEqual(['a', 'b', 'max(0,1)', 'c', 'sum(0,1,3)', 'add(2,4)']);
    expect(shape('relu(log(x)) × 2 ÷ y − 1').at(-1)).toBe('sub(6,7)');
  });

  it.each([
    ['', 'empty', 0],
    ['x +', 'unexpected-end', 3],
    ['(x + y', 'unclosed-paren', 0],
    ['x + * y', 'unexpected-token', 4],
    ['x $ y', 'bad-character', 2],
    ['foo(x)', 'unknown-function', 0],
    ['max(x)', 'wrong-arity', 0],
    ['x ^ y', 'exponent-not-constant', 4],
    ['(x) (y)', 'unexpected-token', 4],
  ])('rejects %j with code %s at position %i', (text, code, position) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.params.position).toBe(position);
    expect(error.params.column).toBe(position + 1);
    expect(error.message).toMatch(/column \d+|empty/);
  });

  it('rejects an expression longer than 500 characters', () => {
    expect(errorOf('x+'.repeat(300) + 'x').code).toBe('too-long');
  });
});

describe('printExpression round-trips', () => {
  it.each([
    '(x + y) ^ 2',
    '1 / (1 + exp(x * -1))',
    'apple * n * tax',
    'a - (b - c)',
    '(a / b) / c',
    'a / (b * c)',
    '(x ^ 2) ^ 3',
    '(-1) ^ 2',
    'max(a, b) * sum(a, 2)',
  ])('prints %j back to the same graph', (text) => {
    const graph = parseExpression(text);
    expect(parseExpression(printExpression(graph))).toEqual(graph);
  });

  it('parse ∘ print is the identity on graphs of random expressions', () => {
    const leaf = fc.oneof(
      fc.constantFrom('x', 'y', 'z'),
      fc.integer({ min: -9, max: 9 }).map(String),
      fc.double({ min: 0.01, max: 100, noNaN: true }).map(String),
    );
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        fc.tuple(tie('e'), fc.integer({ min: -3, max: 3 })).map(([a, p]) => `(${a})^${p}`),
        fc.tuple(fc.constantFrom('exp', 'log', 'sigmoid', 'relu'), tie('e')).map(([f, a]) => `${f}(${a})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `max(${a}, ${b})`),
        tie('e').map((a) => `-(${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (text) => {
        const graph = parseExpression(text);
        const printed = printExpression(graph);
        expect(parseExpression(printed)).toEqual(graph);
        expect(printExpression(parseExpression(printed))).toBe(printed);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
