/** Build a Sequential network from a validated ArchitectureSpec: layers, seeded weight init, dropout stream. */
import type { ArchitectureSpec, LayerSpec, Precision } from '../spec';
import type { Kernels } from '../kernels/kernels';
import type { AnyLayer } from '../layers/layer';
import type { Rng } from '../rng';
import { referenceKernels } from '../kernels/reference';
import { createRng, deriveSeed } from '../rng';
import { Affine } from '../layers/affine';
import { Relu } from '../layers/relu';
import { Sigmoid } from '../layers/sigmoid';
import { Tanh } from '../layers/tanh';
import { Dropout } from '../layers/dropout';
import { BatchNormalization } from '../layers/batch-normalization';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss';
import { IdentityWithLoss } from '../layers/identity-with-loss';
import { ArchitectureError, validateArchitecture } from './architecture';
import { layerNumber } from './layer-number';
import { defaultInit, fillNormal, initStd } from './init';
import { Sequential } from './sequential';

export interface NetworkOptions {
  precision: Precision;
  seed: number;
  kernels?: Kernels;
  /** Fuse each Affine with the activation right after it (default true; false runs layer by layer, same results). */
  fuseEpilogues?: boolean;
}

interface BuildContext {
  kernels: Kernels;
  precision: Precision;
  initRng: Rng;
  dropoutRng: Rng;
}

function buildLayer(spec: ArchitectureSpec, index: number, inputSize: number, ctx: BuildContext): AnyLayer {
  const layer: LayerSpec = spec.layers[index];
  const { kernels, precision } = ctx;
  const prefix = `layers.${index}`;
  switch (layer.type) {
    case 'Affine': {
      const affine = new Affine(inputSize, layer.units, kernels, precision, prefix);
      fillNormal(affine.W.value, initStd(defaultInit(spec.layers, index), inputSize), ctx.initRng);
      return affine;
    }
    case 'Relu':
      return new Relu(inputSize, kernels, precision);
    case 'Sigmoid':
      return new Sigmoid(inputSize, kernels, precision);
    case 'Tanh':
      return new Tanh(inputSize, kernels, precision);
    case 'Dropout':
      return new Dropout(inputSize, layer.ratio, ctx.dropoutRng, kernels, precision);
    case 'BatchNormalization':
      return new BatchNormalization(inputSize, layer.momentum ?? 0.9, layer.epsilon ?? 1e-6, kernels, precision, prefix);
    case 'SoftmaxWithLoss':
      return new SoftmaxWithLoss(inputSize, kernels, precision);
    case 'IdentityWithLoss':
      return new IdentityWithLoss(inputSize, kernels, precision);
    default: {
      const never: never = layer;
      throw new ArchitectureError(`Layer ${layerNumber(index)}: unknown layer type ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Build the network `spec` describes, in `precision`, with weights drawn from a PRNG seeded by `seed`
 * (Affine weights in layer order; biases 0; BatchNormalization gamma 1, beta 0). Throws ArchitectureError on a bad spec.
 */
export function createNetwork(spec: ArchitectureSpec, opts: NetworkOptions): Sequential {
  if (opts.precision !== 'float32' && opts.precision !== 'float64') {
    throw new Error(`createNetwork: precision must be 'float32' or 'float64', got ${String(opts.precision)}`);
  }
  const description = validateArchitecture(spec);
  const ctx: BuildContext = {
    kernels: opts.kernels ?? referenceKernels,
    precision: opts.precision,
    initRng: createRng(opts.seed),
    dropoutRng: createRng(deriveSeed(opts.seed, 1)),
  };
  const layers = description.layers.map((d) => buildLayer(spec, d.index, d.inputSize, ctx));
  return new Sequential(structuredClone(spec), opts.precision, ctx.kernels, layers, ctx.dropoutRng, opts.fuseEpilogues ?? true);
}
