/** The Relu layer: out = max(0, x); the gradient passes where x > 0. */
import type { Matrix } from '../matrix';
import { Activation } from './activation';

export class Relu extends Activation {
  readonly name = 'Relu';
  /** NaN stays NaN (x < 0 is false for NaN), so a bad input is never hidden as 0. */
  protected f(x: number): number {
    return x < 0 ? 0 : x;
  }
  protected df(x: number): number {
    return x > 0 ? 1 : 0;
  }
  /** The pre-activations of the last forward: the gradient check flags elements that cross the kink at 0. */
  kinkInput(): Matrix | null {
    return this.x;
  }
}
