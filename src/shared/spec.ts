/** zod 4 schemas of the network spec, the training config and the split as they cross a process boundary, with size limits that keep a run allocatable. */
import { z } from 'zod';
import { ACTIVATION_TYPES, LOSS_TYPES, OPTIMIZER_NAMES } from '../core/spec';
import type { ArchitectureSpec, TrainingConfig } from '../core/spec';
import type { PrepareOptions } from '../core/datasets/prepare';
import { boundedNumber, LAYER_BOUNDS, LIMITS, SPLIT_BOUNDS, TRAINING_BOUNDS } from './setting-bounds';

export { LIMITS, SEED_MAX } from './setting-bounds';

const T = TRAINING_BOUNDS;
const L = LAYER_BOUNDS;
export const seedSchema = boundedNumber(T.seed);
const seed = seedSchema;

const initSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('std'), std: boundedNumber(L.std) }),
  z.strictObject({ kind: z.literal('xavier') }),
  z.strictObject({ kind: z.literal('he') }),
]);

const layerSchema = z.union([
  z.strictObject({ type: z.literal('Affine'), units: boundedNumber(L.units), init: initSchema.optional() }),
  z.strictObject({ type: z.enum(ACTIVATION_TYPES) }),
  z.strictObject({ type: z.literal('Dropout'), ratio: boundedNumber(L.dropoutRatio) }),
  z.strictObject({
    type: z.literal('BatchNormalization'),
    momentum: boundedNumber(L.bnMomentum).optional(),
    epsilon: boundedNumber(L.bnEpsilon).optional(),
  }),
  z.strictObject({ type: z.enum(LOSS_TYPES) }),
]);

export const architectureSchema: z.ZodType<ArchitectureSpec> = z.strictObject({
  inputSize: boundedNumber(L.inputSize),
  layers: z.array(layerSchema).min(1).max(LIMITS.layers),
});

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant') }),
  z.strictObject({
    kind: z.literal('step'),
    stepSize: boundedNumber(T.stepSize),
    gamma: boundedNumber(T.gamma),
  }),
  z.strictObject({
    kind: z.literal('cosine'),
    totalIterations: boundedNumber(T.totalIterations),
    minLearningRate: boundedNumber(T.minLearningRate),
  }),
]);

export const trainingConfigSchema: z.ZodType<TrainingConfig> = z.strictObject({
  optimizer: z.enum(OPTIMIZER_NAMES),
  learningRate: boundedNumber(T.learningRate),
  momentum: boundedNumber(T.fraction).optional(),
  beta1: boundedNumber(T.fraction).optional(),
  beta2: boundedNumber(T.fraction).optional(),
  decayRate: boundedNumber(T.fraction).optional(),
  schedule: scheduleSchema,
  batchSize: boundedNumber(T.batchSize),
  epochs: boundedNumber(T.epochs),
  maxIterations: boundedNumber(T.maxIterations).optional(),
  weightDecay: boundedNumber(T.weightDecay),
  seed,
  precision: z.enum(['float32', 'float64']),
  patience: boundedNumber(T.patience).nullable(),
  threads: z.union([z.literal('auto'), boundedNumber(T.threads)]).optional(),
});

export const prepareOptionsSchema: z.ZodType<PrepareOptions> = z.strictObject({
  validation: boundedNumber(SPLIT_BOUNDS.validation),
  test: boundedNumber(SPLIT_BOUNDS.test),
  normalize: z.enum(['none', 'minmax', 'zscore']),
  seed,
  stratify: z.boolean(),
});
