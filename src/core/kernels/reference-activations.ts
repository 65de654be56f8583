/** The activations in plain loops, each forward next to its derivative: the reference the WebAssembly kernels match. */
import type { ActivationKind, FloatArray } from './kernels';

/** y = f(x) over x.length elements.  x, y: n. */
export function activationForward(kind: ActivationKind, x: FloatArray, y: FloatArray): void {
  const n = x.length;
  switch (kind) {
    case 'relu':
      // NaN stays NaN (x < 0 is false for NaN), so a bad input is never hidden as 0.
      for (let i = 0; i < n; i++) y[i] = x[i] < 0 ? 0 : x[i];
      return;
    case 'sigmoid':
      // Finite for every x: exp(−x) may overflow to Infinity, giving 1/Infinity = 0.
      for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]);
      return;
    default:
      throw unknownKind(kind);
  }
}

/** dx = dout ⊙ f'(x) over dout.length elements, from the forward's x and y = f(x).  dout, x, y, dx: n. */
export function activationBackward(kind: ActivationKind, dout: FloatArray, x: FloatArray, y: FloatArray, dx: FloatArray): void {
  const n = dout.length;
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) dx[i] = x[i] > 0 ? dout[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) dx[i] = dout[i] * (1 - y[i]) * y[i];
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) dx[i] = dout[i] * (1 - y[i] * y[i]);
      return;
    default:
      throw unknownKind(kind);
  }
}

/** The error for a kind outside ActivationKind (a caller that bypassed the types). */
export function unknownKind(kind: never): Error {
  return new TypeError(`activation: kind must be 'relu', 'sigmoid' or 'tanh', got ${JSON.stringify(kind)}`);
}
