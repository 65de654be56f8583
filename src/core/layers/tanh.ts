/** The Tanh layer: out = tanh(x), dx = dout · (1 − out²). */
import type { FloatArray } from '../kernels/kernels';
import { Activation } from './activation';

export class Tanh extends Activation {
  readonly name = 'Tanh';
  protected apply(x: FloatArray, out: FloatArray): void {
    for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
  }
  protected applyGradient(dout: FloatArray, _x: FloatArray, y: FloatArray, dx: FloatArray): void {
    for (let i = 0; i < dout.length; i++) dx[i] = dout[i] * (1 - y[i] * y[i]);
  }
}
