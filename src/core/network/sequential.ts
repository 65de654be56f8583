/** The Sequential network: hidden layers in order, then one loss layer; forward, loss, backprop, accuracy and state. */
import type { ArchitectureSpec, Precision } from '../spec';
import type { Kernels } from '../kernels/kernels';
import type { Matrix } from '../matrix';
import type { Labels } from '../labels';
import type { Rng } from '../rng';
import type { NamedTensor, Param } from '../param';
import type { AnyLayer, Layer, LossLayer } from '../layers/layer';
import { Affine } from '../layers/affine';
import { Dropout } from '../layers/dropout';
import { fuseLayers } from './fuse-layers';
import { layerNumber } from './layer-number';
import { argmaxRow, classOf, labelRows } from '../labels';
import { exportTensors, importTensors } from './state';
import { traceNetwork } from './trace';
import type { NetworkTrace } from './trace';

export class Sequential {
  /** The layer objects in spec order; the last one is the loss layer. */
  readonly layers: readonly AnyLayer[];
  private readonly hidden: readonly Layer[];
  /** The hidden layers as forward and backward run them: each Affine + activation pair fused into one step (fuse-layers.ts). */
  private readonly steps: readonly Layer[];
  private readonly lossLayer: LossLayer;
  /** Every trainable parameter, fixed at construction. */
  private readonly allParams: Param[];
  private decay = 0;
  /** Set by loss, read by backward: whether the last loss ran in training mode. */
  private lastTrain: boolean | null = null;

  constructor(
    readonly spec: ArchitectureSpec,
    readonly precision: Precision,
    readonly kernels: Kernels,
    layers: readonly AnyLayer[],
    /** The stream every Dropout layer draws its masks from (its position is part of a training checkpoint). */
    readonly dropoutRng: Rng | null = null,
    /** Run each Affine and the activation after it with fused epilogues (false: layer by layer; same results). */
    fuseEpilogues = true,
  ) {
    const last = layers[layers.length - 1];
    if (!last || last.kind !== 'loss') throw new Error('Sequential: the last layer must be a loss layer');
    this.layers = layers;
    this.lossLayer = last;
    this.hidden = layers.slice(0, -1).map((l, i) => {
      if (l.kind !== 'layer') throw new Error(`Sequential: layer ${layerNumber(i)} is a loss layer but is not last`);
      return l;
    });
    this.steps = fuseLayers(this.hidden, fuseEpilogues);
    this.allParams = layers.flatMap((l) => [...l.params]);
  }

  /** Every trainable parameter in layer order (W before b, gamma before beta); the same array on every call: do not modify it. */
  params(): Param[] {
    return this.allParams;
  }

  /** L2 weight decay λ: loss += λ/2 · Σ W², dW += λ · W (Affine weights only). */
  setWeightDecay(lambda: number): void {
    if (!(Number.isFinite(lambda) && lambda >= 0))
      throw new Error(`setWeightDecay: λ must be a finite number ≥ 0, got ${lambda}`);
    this.decay = lambda;
    for (const l of this.hidden) if (l instanceof Affine) l.weightDecay = lambda;
  }

  get weightDecay(): number {
    return this.decay;
  }

  /** x: N×D → scores N×C before the loss layer (train selects training-mode Dropout/BatchNormalization). */
  forwardScores(x: Matrix, train: boolean): Matrix {
    let out = x;
    for (const layer of this.steps) out = layer.forward(out, train);
    return out;
  }

  /** x: N×D → scores: N×C in inference mode (the last hidden layer's buffer). */
  predict(x: Matrix): Matrix {
    return this.forwardScores(x, false);
  }

  /** x: N×D → softmax probabilities (SoftmaxWithLoss) or predictions (IdentityWithLoss): N×C, inference mode. */
  probabilities(x: Matrix): Matrix {
    return this.lossLayer.predict(this.predict(x));
  }

  /** The mean data loss over the N rows of x, without weight decay. */
  dataLoss(x: Matrix, t: Labels, train = true): number {
    const loss = this.lossLayer.forward(this.forwardScores(x, train), t);
    this.lastTrain = train;
    return loss;
  }

  /** The mean loss over the rows of x, plus λ/2 · Σ W² when weight decay is set. */
  loss(x: Matrix, t: Labels, train = true): number {
    return this.dataLoss(x, t, train) + this.decayLoss();
  }

  /** λ/2 · Σ W² over every Affine weight (0 without weight decay). */
  decayLoss(): number {
    if (this.decay === 0) return 0;
    let sum = 0;
    for (const l of this.hidden) if (l instanceof Affine) for (const w of l.W.value) sum += w * w;
    return 0.5 * this.decay * sum;
  }

  /** Backpropagate from the last training-mode loss: fills every param.grad. */
  backward(): void {
    if (this.lastTrain !== true) throw new Error('backward: call loss(x, t) in training mode first');
    let dout = this.lossLayer.backward();
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const layer = this.steps[i];
      if (i === 0 && layer.backwardParamsOnly) layer.backwardParamsOnly(dout);
      else dout = layer.backward(dout);
    }
  }

  /** loss + backward: returns the loss and fills every param.grad. */
  gradient(x: Matrix, t: Labels): number {
    const loss = this.loss(x, t, true);
    this.backward();
    return loss;
  }

  /** Fraction of rows whose arg-max score is the label's class (classification only). */
  accuracy(x: Matrix, t: Labels): number {
    return this.countCorrect(this.predict(x), t) / Math.max(1, x.rows);
  }

  /** Number of rows of `scores` whose arg-max equals the class in t. */
  countCorrect(scores: Matrix, t: Labels): number {
    if (this.lossLayer.name !== 'SoftmaxWithLoss') throw new Error('accuracy: defined for classification (SoftmaxWithLoss) only');
    if (labelRows(t) !== scores.rows) throw new Error(`accuracy: ${labelRows(t)} labels for ${scores.rows} rows`);
    let correct = 0;
    for (let i = 0; i < scores.rows; i++) if (argmaxRow(scores, i) === classOf(t, i)) correct++;
    return correct;
  }

  /** Inference-mode data loss and correct count (null for regression) from one forward pass. */
  evaluateBatch(x: Matrix, t: Labels): { loss: number; correct: number | null } {
    const scores = this.forwardScores(x, false);
    const loss = this.lossLayer.forward(scores, t);
    this.lastTrain = false;
    return { loss, correct: this.lossLayer.name === 'SoftmaxWithLoss' ? this.countCorrect(scores, t) : null };
  }

  /** Copies of every parameter and buffer ("layers.0.W", "layers.2.runningMean"…). */
  exportState(): NamedTensor[] {
    return exportTensors(this.layers);
  }

  /** Load tensors from exportState (checks names, shapes, lengths and finiteness; throws naming the tensor). */
  importState(tensors: NamedTensor[]): void {
    importTensors(this.layers, tensors);
  }

  /** One forward + backward pass recording every layer's output, dx and parameter gradients (copies). */
  trace(x: Matrix, t: Labels): NetworkTrace {
    const trace = traceNetwork(this.hidden, this.lossLayer, x, t, this.decayLoss());
    this.lastTrain = true;
    return trace;
  }

  /** Freeze (or release) every Dropout mask: frozen masks are reused by training forwards. */
  setDropoutFrozen(frozen: boolean): void {
    for (const l of this.hidden) if (l instanceof Dropout) l.frozen = frozen;
  }

  /** The pre-activations of every layer with a kink (Relu) from the last forward. */
  kinkInputs(): Matrix[] {
    const inputs: Matrix[] = [];
    for (const l of this.hidden) {
      const m = l.kinkInput?.();
      if (m) inputs.push(m);
    }
    return inputs;
  }
}
