/** The order the hidden layers run in training and inference: each Affine directly followed by an activation fused into one step. */
import type { Layer } from '../layers/layer';
import { Affine } from '../layers/affine';
import { Activation } from '../layers/activation';
import { AffineActivation } from '../layers/affine-activation';

/**
 * The hidden layers as the steps forward and backward run: an Affine directly followed by an activation (Relu,
 * Sigmoid, Tanh) becomes one AffineActivation (fused epilogues); every other layer runs alone. With `fuse` false the
 * layers run one by one, as listed. A subclass that overrides forward or backward (a test's deliberately broken
 * layer, say) always runs alone, so that its own code is what runs.
 */
export function fuseLayers(hidden: readonly Layer[], fuse = true): Layer[] {
  const steps: Layer[] = [];
  for (let i = 0; i < hidden.length; i++) {
    const layer = hidden[i];
    const next = hidden[i + 1];
    if (fuse && layer instanceof Affine && next instanceof Activation && ownPasses(layer, next)) {
      steps.push(new AffineActivation(layer, next));
      i++;
    } else {
      steps.push(layer);
    }
  }
  return steps;
}

/** True when neither layer overrides the forward and backward that the fused step stands in for. */
function ownPasses(affine: Affine, activation: Activation): boolean {
  return (
    affine.forward === Affine.prototype.forward &&
    affine.backward === Affine.prototype.backward &&
    affine.backwardParamsOnly === Affine.prototype.backwardParamsOnly &&
    activation.forward === Activation.prototype.forward &&
    activation.backward === Activation.prototype.backward
  );
}
