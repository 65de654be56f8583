/** The nodes of a scalar computational graph: each operation's forward and its backward side by side, as chapter 5 draws them. */

export const OP_NAMES = ['add', 'sub', 'mul', 'div', 'pow', 'exp', 'log', 'recip', 'sigmoid', 'relu', 'max', 'sum'] as const;
export type OpName = (typeof OP_NAMES)[number];

/**
 * One operation. `x` are the input values, `y` the forward output (the cached state backward reads), `p` the node's
 * constant parameter (the exponent of pow; unused elsewhere). backward(dout) returns dx per input; every backward here
 * is linear in dout, so backward(1) is the node's local derivative per input.
 */
export interface ScalarOp {
  /** Inputs taken: an exact count, or at least `min` (sum). */
  arity: number | { min: number };
  /** The label drawn in the node's circle. */
  label: (p: number) => string;
  /** The local backward rule in symbols (language-neutral; the words come from the UI catalogs). */
  rule: (p: number) => string;
  forward: (x: number[], p: number) => number;
  backward: (dout: number, x: number[], y: number, p: number) => number[];
}

const sig = (v: number): number => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));

export const SCALAR_OPS: Record<OpName, ScalarOp> = {
  add: {
    arity: 2,
    label: () => '+',
    rule: () => '∂x = dout, ∂y = dout',
    forward: ([a, b]) => a + b,
    backward: (dout) => [dout, dout],
  },
  sub: {
    arity: 2,
    label: () => '−',
    rule: () => '∂x = dout, ∂y = −dout',
    forward: ([a, b]) => a - b,
    backward: (dout) => [dout, -dout],
  },
  mul: {
    arity: 2,
    label: () => '×',
    rule: () => '∂x = dout · y, ∂y = dout · x',
    forward: ([a, b]) => a * b,
    backward: (dout, [a, b]) => [dout * b, dout * a],
  },
  div: {
    arity: 2,
    label: () => '÷',
    rule: () => '∂x = dout / y, ∂y = −dout · x / y²',
    forward: ([a, b]) => a / b,
    backward: (dout, [a, b]) => [dout / b, (-dout * a) / (b * b)],
  },
  pow: {
    arity: 1,
    label: (p) => `^${p}`,
    rule: (p) => `∂x = dout · ${p} · x^${p - 1}`,
    forward: ([a], p) => a ** p,
    backward: (dout, [a], _y, p) => [dout * p * a ** (p - 1)],
  },
  exp: {
    arity: 1,
    label: () => 'exp',
    rule: () => '∂x = dout · exp(x)',
    forward: ([a]) => Math.exp(a),
    backward: (dout, _x, y) => [dout * y],
  },
  log: {
    arity: 1,
    label: () => 'log',
    rule: () => '∂x = dout / x',
    forward: ([a]) => Math.log(a),
    backward: (dout, [a]) => [dout / a],
  },
  recip: {
    arity: 1,
    label: () => '/',
    rule: () => '∂x = −dout / x² = −dout · y²',
    forward: ([a]) => 1 / a,
    backward: (dout, _x, y) => [-dout * y * y],
  },
  sigmoid: {
    arity: 1,
    label: () => 'σ',
    rule: () => '∂x = dout · y(1 − y)',
    forward: ([a]) => sig(a),
    backward: (dout, _x, y) => [dout * y * (1 - y)],
  },
  relu: {
    arity: 1,
    label: () => 'ReLU',
    rule: () => '∂x = dout if x > 0, else 0',
    forward: ([a]) => Math.max(0, a),
    backward: (dout, [a]) => [a > 0 ? dout : 0],
  },
  max: {
    arity: 2,
    label: () => 'max',
    rule: () => '∂x = dout if x ≥ y, else 0; ∂y = dout if y > x, else 0',
    forward: ([a, b]) => Math.max(a, b),
    backward: (dout, [a, b]) => (a >= b ? [dout, 0] : [0, dout]),
  },
  sum: {
    arity: { min: 1 },
    label: () => 'Σ',
    rule: () => '∂xᵢ = dout for every input',
    forward: (x) => x.reduce((s, v) => s + v, 0),
    backward: (dout, x) => x.map(() => dout),
  },
};

/** Whether `n` inputs suit `op`. */
export function arityFits(op: ScalarOp, n: number): boolean {
  return typeof op.arity === 'number' ? n === op.arity : n >= op.arity.min;
}
