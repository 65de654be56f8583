/** The Tanh layer: out = tanh(x), dx = dout · (1 − out²). */
import { Activation } from './activation';

export class Tanh extends Activation {
  readonly name = 'Tanh';
  readonly activation = 'tanh';
}
