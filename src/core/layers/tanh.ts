/** The Tanh layer: out = tanh(x), dx = dout · (1 − out²). */
import { Activation } from './activation';

export class Tanh extends Activation {
  readonly name = 'Tanh';
  protected f(x: number): number {
    return Math.tanh(x);
  }
  protected df(_x: number, y: number): number {
    return 1 - y * y;
  }
}
