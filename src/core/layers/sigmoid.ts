/** The Sigmoid layer: out = 1 / (1 + exp(−x)) (finite for every x), dx = dout · (1 − out) · out. */
import { Activation } from './activation';

export class Sigmoid extends Activation {
  readonly name = 'Sigmoid';
  readonly activation = 'sigmoid';
}
