/** The Sigmoid layer: out = 1 / (1 + exp(−x)), dx = dout · (1 − out) · out. */
import { Activation } from './activation';

export class Sigmoid extends Activation {
  readonly name = 'Sigmoid';
  /** Finite for every x: exp(−x) may overflow to Infinity, giving 1/Infinity = 0. */
  protected f(x: number): number {
    return 1 / (1 + Math.exp(-x));
  }
  protected df(_x: number, y: number): number {
    return (1 - y) * y;
  }
}
