/** The Sigmoid layer: out = 1 / (1 + exp(−x)), dx = dout · (1 − out) · out. */
import type { FloatArray } from '../kernels/kernels';
import { Activation } from './activation';

export class Sigmoid extends Activation {
  readonly name = 'Sigmoid';
  /** Finite for every x: exp(−x) may overflow to Infinity, giving 1/Infinity = 0. */
  protected apply(x: FloatArray, out: FloatArray): void {
    for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(-x[i]));
  }
  protected applyGradient(dout: FloatArray, _x: FloatArray, y: FloatArray, dx: FloatArray): void {
    for (let i = 0; i < dout.length; i++) dx[i] = dout[i] * (1 - y[i]) * y[i];
  }
}
