/** The Relu layer: out = max(0, x) (NaN stays NaN); the gradient passes where x > 0: dx = x > 0 ? dout : 0. */
import type { Matrix } from '../matrix';
import { Activation } from './activation';

export class Relu extends Activation {
  readonly name = 'Relu';
  readonly activation = 'relu';
  /** The pre-activations of the last forward: the gradient check flags elements that cross the kink at 0. */
  kinkInput(): Matrix | null {
    return this.x;
  }
}
