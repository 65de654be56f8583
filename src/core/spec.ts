/** The plain-JSON descriptions of a network and of its training: what the editor edits, what a model file stores. */

/** How an Affine layer's weights are drawn: N(0, std²), Xavier (std 1/√n) or He (std √(2/n)), n = fan-in. */
export type InitSpec = { kind: 'std'; std: number } | { kind: 'xavier' } | { kind: 'he' };

export const ACTIVATION_TYPES = ['Relu', 'Sigmoid', 'Tanh'] as const;
export type ActivationType = (typeof ACTIVATION_TYPES)[number];

export const LOSS_TYPES = ['SoftmaxWithLoss', 'IdentityWithLoss'] as const;
export type LossType = (typeof LOSS_TYPES)[number];

/** One layer of a Sequential network. */
export type LayerSpec =
  | { type: 'Affine'; units: number; init?: InitSpec }
  | { type: ActivationType }
  | { type: 'Dropout'; ratio: number }
  | { type: 'BatchNormalization'; momentum?: number; epsilon?: number }
  | { type: LossType };

export type LayerType = LayerSpec['type'];
export const LAYER_TYPES: readonly LayerType[] = ['Affine', ...ACTIVATION_TYPES, 'Dropout', 'BatchNormalization', ...LOSS_TYPES];

/** A Sequential network: input of `inputSize` features, then `layers` in order; the last is a loss layer. */
export interface ArchitectureSpec {
  inputSize: number;
  layers: LayerSpec[];
}

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Learning rate as a function of the iteration: constant, ×gamma every stepSize iterations, or cosine to minLearningRate. */
export type ScheduleSpec =
  | { kind: 'constant' }
  | { kind: 'step'; stepSize: number; gamma: number }
  | { kind: 'cosine'; totalIterations: number; minLearningRate: number };

export type Precision = 'float32' | 'float64';

/** Everything that decides a training run besides the data and the architecture. */
export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  /** Momentum / Nesterov: velocity decay (default 0.9). */
  momentum?: number;
  /** Adam: β1, β2 (defaults 0.9, 0.999). */
  beta1?: number;
  beta2?: number;
  /** RMSprop decay rate (default 0.99). */
  decayRate?: number;
  schedule: ScheduleSpec;
  batchSize: number;
  epochs: number;
  /** Stop after this many iterations even if epochs remain (the book counts iterations). */
  maxIterations?: number;
  /** L2 weight decay λ: adds λ/2·‖W‖² to the loss and λ·W to dW (weights only, not biases). */
  weightDecay: number;
  seed: number;
  precision: Precision;
  /** Early stopping: epochs without a better validation loss before stopping; null = off. */
  patience: number | null;
  /** Threads that share each batch (data-parallel; read by the engine, not the Trainer); 'auto' or absent: 2 when it pays. */
  threads?: 'auto' | number;
}

export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  schedule: { kind: 'constant' },
  batchSize: 32,
  epochs: 100,
  weightDecay: 0,
  seed: 42,
  precision: 'float32',
  patience: null,
};
