/** A recorded forward + backward pass for the computational-graph view. */
import type { Matrix } from '../matrix';
import type { Labels } from '../labels';
import type { Layer, LossLayer } from '../layers/layer';
import { cloneMatrix } from '../matrix';
import type { FloatArray } from '../matrix';

export interface NetworkTrace {
  forward: { layer: number; name: string; output: Matrix }[];
  backward: { layer: number; name: string; dx: Matrix; grads: { name: string; value: FloatArray; shape: number[] }[] }[];
  loss: number;
}

/**
 * Run hidden layers then the loss layer in training mode and backpropagate, copying every output,
 * every dx and every parameter gradient. `decayLoss` is added to the recorded loss. Backward entries run last layer first.
 */
export function traceNetwork(
  hidden: readonly Layer[],
  lossLayer: LossLayer,
  x: Matrix,
  t: Labels,
  decayLoss: number,
): NetworkTrace {
  const forward: NetworkTrace['forward'] = [];
  let out = x;
  hidden.forEach((layer, i) => {
    out = layer.forward(out, true);
    forward.push({ layer: i, name: layer.name, output: cloneMatrix(out) });
  });
  const lossIndex = hidden.length;
  const loss = lossLayer.forward(out, t) + decayLoss;
  forward.push({ layer: lossIndex, name: lossLayer.name, output: cloneMatrix(lossLayer.output()) });
  const backward: NetworkTrace['backward'] = [];
  let dout = lossLayer.backward();
  backward.push({ layer: lossIndex, name: lossLayer.name, dx: cloneMatrix(dout), grads: [] });
  for (let i = hidden.length - 1; i >= 0; i--) {
    const layer = hidden[i];
    dout = layer.backward(dout);
    const grads = layer.params.map((p) => ({ name: p.name, value: p.grad.slice(), shape: [...p.shape] }));
    backward.push({ layer: i, name: layer.name, dx: cloneMatrix(dout), grads });
  }
  return { forward, backward, loss };
}
