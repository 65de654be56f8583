/** The contracts every layer of a Sequential network implements: hidden layers and the final loss layer. */
import type { Matrix } from '../matrix';
import type { Labels } from '../labels';
import type { NamedTensor, Param } from '../param';

/** A hidden layer: parameters → cached state → forward → backward(dout) returning dx. Never mutates x or dout. */
export interface Layer {
  readonly kind: 'layer';
  /** Textbook name: "Affine", "Relu", "Sigmoid", "Tanh", "Dropout", "BatchNormalization". */
  readonly name: string;
  /** Trainable parameters (empty for activations). */
  readonly params: readonly Param[];
  /** x: N×D → out: N×M (the returned matrix is the layer's own buffer, valid until the next forward). */
  forward(x: Matrix, train: boolean): Matrix;
  /** dout: N×M → dx: N×D; fills the grads of `params`. */
  backward(dout: Matrix): Matrix;
  /** Like backward but skips dx (for the first layer, whose dx nobody reads). */
  backwardParamsOnly?(dout: Matrix): void;
  /** Non-trainable state saved with the model (BatchNormalization running statistics). */
  buffers?(): NamedTensor[];
  /** The input of the last forward, when the layer has a kink at 0 (Relu): used by the gradient check. */
  kinkInput?(): Matrix | null;
}

/** The last layer: turns scores and targets into a scalar loss; backward starts the chain with dout = 1. */
export interface LossLayer {
  readonly kind: 'loss';
  readonly name: 'SoftmaxWithLoss' | 'IdentityWithLoss';
  readonly params: readonly Param[];
  /** x: N×C scores, t: labels → mean loss over the N rows. */
  forward(x: Matrix, t: Labels): number;
  /** The output of the last forward (softmax probabilities or the identity). */
  output(): Matrix;
  /** Probabilities / predictions for `scores` without computing a loss (N×C → N×C). */
  predict(scores: Matrix): Matrix;
  /** dL/dx: N×C, from the last forward. */
  backward(dout?: number): Matrix;
}

export type AnyLayer = Layer | LossLayer;
