/**
 * The chapter's batched graphs with matrices, step by step: the Affine layer (X·W node, +B node broadcasting B to every
 * row, and in the backward the Sum-over-axis-0 node that gives ∂L/∂B), and Softmax-with-Loss, whose backward is y − t.
 */

/** A named rows×cols tensor, row-major, with the step at which it appears and whether it is a forward value or a gradient. */
export interface Tensor {
  name: string;
  rows: number;
  cols: number;
  data: number[];
  step: number;
  kind: 'forward' | 'backward';
}

export interface MatrixPreset {
  id: 'affine' | 'softmax';
  /** The node acting at each step (step 0: the given inputs), e.g. 'X · W', '+ B', 'Σ axis 0'. */
  steps: { node: string; phase: 'start' | 'forward' | 'backward' }[];
  tensors: Tensor[];
}

type M = { rows: number; cols: number; data: number[] };
const m = (rows: number, cols: number, data: number[]): M => ({ rows, cols, data });
const at = (a: M, i: number, j: number) => a.data[i * a.cols + j];

/** a: N×K · b: K×M → N×M. */
export function dot(a: M, b: M): M {
  if (a.cols !== b.rows) throw new Error(`dot: ${a.rows}×${a.cols} · ${b.rows}×${b.cols} do not fit`);
  const out = new Array<number>(a.rows * b.cols).fill(0);
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += at(a, i, k) * at(b, k, j);
  return m(a.rows, b.cols, out);
}

export function transpose(a: M): M {
  const out: number[] = [];
  for (let j = 0; j < a.cols; j++) for (let i = 0; i < a.rows; i++) out.push(at(a, i, j));
  return m(a.cols, a.rows, out);
}

/** N×M → 1×M: the sum over the batch axis (the backward of a broadcast). */
export function sumAxis0(a: M): M {
  const out = new Array<number>(a.cols).fill(0);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j] += at(a, i, j);
  return m(1, a.cols, out);
}

const tensor = (name: string, a: M, step: number, kind: Tensor['kind']): Tensor => ({ name, ...a, step, kind });

/**
 * Y = X·W + B for a batch of N rows; backward from dY: d(X·W) = dY (the + node), dB = Σ over axis 0 of dY, dX = dY·Wᵀ,
 * dW = Xᵀ·dY. The defaults are the book's numbers: X·W = [[0, 0, 0], [10, 10, 10]], B = [1, 2, 3], dY = [[1, 2, 3], [4, 5, 6]] → dB = [5, 7, 9].
 */
export function affinePreset(
  X: M = m(2, 2, [0, 0, 1, 2]),
  W: M = m(2, 3, [2, 2, 2, 4, 4, 4]),
  B: M = m(1, 3, [1, 2, 3]),
  dY: M = m(2, 3, [1, 2, 3, 4, 5, 6]),
): MatrixPreset {
  const XW = dot(X, W);
  const broadcast = m(
    XW.rows,
    XW.cols,
    XW.data.map((_, k) => B.data[k % B.cols]),
  );
  const Y = m(
    XW.rows,
    XW.cols,
    XW.data.map((v, k) => v + broadcast.data[k]),
  );
  return {
    id: 'affine',
    steps: [
      { node: 'X, W, B', phase: 'start' },
      { node: 'X · W', phase: 'forward' },
      { node: '+ B', phase: 'forward' },
      { node: '+ B', phase: 'backward' },
      { node: 'Σ axis 0', phase: 'backward' },
      { node: 'X · W', phase: 'backward' },
    ],
    tensors: [
      tensor('X', X, 0, 'forward'),
      tensor('W', W, 0, 'forward'),
      tensor('B', B, 0, 'forward'),
      tensor('X · W', XW, 1, 'forward'),
      tensor('B (broadcast)', broadcast, 2, 'forward'),
      tensor('Y', Y, 2, 'forward'),
      tensor('∂L/∂Y', dY, 3, 'backward'),
      tensor('∂L/∂(X · W)', dY, 3, 'backward'),
      tensor('∂L/∂B', sumAxis0(dY), 4, 'backward'),
      tensor('∂L/∂X', dot(dY, transpose(W)), 5, 'backward'),
      tensor('∂L/∂W', dot(transpose(X), dY), 5, 'backward'),
    ],
  };
}

/**
 * Softmax-with-Loss on scores a (N×C) with one-hot labels t: y = softmax(a) (max-subtracted), L = −Σ t·log y / N; backward
 * from 1 gives (y − t) / N. The default scores make y = (0.3, 0.2, 0.5) with t = (0, 1, 0), the book's example: ∂a = (0.3, −0.8, 0.5).
 */
export function softmaxWithLossPreset(
  a: M = m(1, 3, [Math.log(0.3), Math.log(0.2), Math.log(0.5)]),
  t: M = m(1, 3, [0, 1, 0]),
): MatrixPreset {
  const y: number[] = [];
  let loss = 0;
  for (let i = 0; i < a.rows; i++) {
    const row = a.data.slice(i * a.cols, (i + 1) * a.cols);
    const max = Math.max(...row);
    const logSum = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
    row.forEach((v, j) => {
      y.push(Math.exp(v - logSum));
      loss -= (t.data[i * a.cols + j] * (v - logSum)) / a.rows;
    });
  }
  const Y = m(a.rows, a.cols, y);
  const da = m(
    a.rows,
    a.cols,
    y.map((v, k) => (v - t.data[k]) / a.rows),
  );
  return {
    id: 'softmax',
    steps: [
      { node: 'a, t', phase: 'start' },
      { node: 'Softmax', phase: 'forward' },
      { node: 'Cross Entropy Error', phase: 'forward' },
      { node: 'Softmax-with-Loss', phase: 'backward' },
    ],
    tensors: [
      tensor('a', a, 0, 'forward'),
      tensor('t', t, 0, 'forward'),
      tensor('y', Y, 1, 'forward'),
      tensor('L', m(1, 1, [loss]), 2, 'forward'),
      tensor('∂L/∂L', m(1, 1, [1]), 3, 'backward'),
      tensor('∂L/∂a = (y − t) / N', da, 3, 'backward'),
    ],
  };
}
