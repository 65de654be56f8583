/** The training flags of `train` (optimizer, learning rate, batch, epochs or iterations, seed, precision, weight decay, patience, threads) → TrainingConfig. */
import { availableParallelism } from 'node:os';
import { DEFAULT_TRAINING_CONFIG, OPTIMIZER_NAMES, type TrainingConfig } from '../core/spec';
import { LIMITS, SEED_MAX } from '../shared/spec';
import { choiceFlag, numberFlag } from './number-flag';
import { UsageError } from './usage-error';

export const TRAIN_FLAG_OPTIONS = {
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  epochs: { type: 'string' },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  precision: { type: 'string' },
  'weight-decay': { type: 'string' },
  patience: { type: 'string' },
  threads: { type: 'string' },
} as const;

export const TRAIN_FLAG_HELP = `Training:
  --optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam   (default adam)
  --lr X              learning rate > 0 (default 0.01)
  --batch N           batch size (default 32)
  --epochs N          epochs (default 10)   | --iterations N   stop after N batches
  --seed N            seed of the initialisation, shuffling and split (default 42)
  --precision float32|float64   (default float32)
  --weight-decay X    L2 weight decay λ ≥ 0 (default 0)
  --patience N        early stopping: epochs without a better validation loss
  --threads auto|N    threads sharing each batch, 1 to the cores of this machine (default auto:
                      2 when the network and batch are large enough; BatchNormalization: always 1)`;

type Values = Record<string, string | boolean | undefined>;

/** Build the TrainingConfig from the flags; a bad value throws a UsageError naming the flag. */
export function trainingConfigFromFlags(values: Values, cores: number = availableParallelism()): TrainingConfig {
  if (values.epochs !== undefined && values.iterations !== undefined) {
    throw new UsageError('--epochs and --iterations exclude each other: give one of them');
  }
  const iterations = numberFlag('iterations', values.iterations, { integer: true, min: 1, max: LIMITS.maxIterations });
  const d = DEFAULT_TRAINING_CONFIG;
  return {
    ...d,
    optimizer: choiceFlag('optimizer', values.optimizer, OPTIMIZER_NAMES) ?? d.optimizer,
    learningRate: numberFlag('lr', values.lr, { above: 0 }) ?? d.learningRate,
    batchSize: numberFlag('batch', values.batch, { integer: true, min: 1, max: LIMITS.batchSize }) ?? d.batchSize,
    epochs:
      iterations !== undefined
        ? LIMITS.epochs
        : (numberFlag('epochs', values.epochs, { integer: true, min: 1, max: LIMITS.epochs }) ?? 10),
    ...(iterations !== undefined ? { maxIterations: iterations } : {}),
    seed: numberFlag('seed', values.seed, { integer: true, min: 0, max: SEED_MAX }) ?? d.seed,
    precision: choiceFlag('precision', values.precision, ['float32', 'float64'] as const) ?? d.precision,
    weightDecay: numberFlag('weight-decay', values['weight-decay'], { min: 0 }) ?? d.weightDecay,
    patience: numberFlag('patience', values.patience, { integer: true, min: 1, max: LIMITS.epochs }) ?? null,
    ...(values.threads !== undefined ? { threads: threadsFlag(values.threads, cores) } : {}),
  };
}

/** --threads: 'auto' or an integer from 1 to the cores of this machine. */
function threadsFlag(value: string | boolean, cores: number): 'auto' | number {
  if (value === 'auto') return 'auto';
  try {
    return numberFlag('threads', value, { integer: true, min: 1, max: Math.min(cores, LIMITS.threads) }) ?? 'auto';
  } catch {
    throw new UsageError(
      `--threads: expected auto or an integer from 1 to ${cores} (the cores of this machine), got ${JSON.stringify(value)}`,
    );
  }
}
