/** The Relu layer: out = max(0, x); the gradient passes where x > 0. */
import type { FloatArray } from '../kernels/kernels';
import type { Matrix } from '../matrix';
import { Activation } from './activation';

export class Relu extends Activation {
  readonly name = 'Relu';
  /** NaN stays NaN (x < 0 is false for NaN), so a bad input is never hidden as 0. */
  protected apply(x: FloatArray, out: FloatArray): void {
    for (let i = 0; i < x.length; i++) out[i] = x[i] < 0 ? 0 : x[i];
  }
  protected applyGradient(dout: FloatArray, x: FloatArray, _y: FloatArray, dx: FloatArray): void {
    for (let i = 0; i < dout.length; i++) dx[i] = x[i] > 0 ? dout[i] : 0;
  }
  /** The pre-activations of the last forward: the gradient check flags elements that cross the kink at 0. */
  kinkInput(): Matrix | null {
    return this.x;
  }
}
