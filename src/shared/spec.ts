/** zod 4 schemas of the network spec, the training config and the split as they cross a process boundary, with size limits that keep a run allocatable. */
import { z } from 'zod';
import { ACTIVATION_TYPES, LOSS_TYPES, OPTIMIZER_NAMES } from '../core/spec';
import type { ArchitectureSpec, TrainingConfig } from '../core/spec';
import type { PrepareOptions } from '../core/datasets/prepare';

export const LIMITS = {
  units: 4096,
  layers: 32,
  inputSize: 100_000,
  batchSize: 65_536,
  threads: 64,
  epochs: 100_000,
  maxIterations: 1e9,
  samples: 1000,
};

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((v) => v > 0, 'must be greater than 0');
const fraction = finite.refine((v) => v >= 0 && v < 1, 'must be in [0, 1)');
/** The largest seed (seeds are unsigned 32-bit integers everywhere: runs, splits, built-in datasets, traces). */
export const SEED_MAX = 2 ** 32 - 1;
export const seedSchema = z.number().int().min(0).max(SEED_MAX);
const seed = seedSchema;

const initSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('std'), std: positive }),
  z.strictObject({ kind: z.literal('xavier') }),
  z.strictObject({ kind: z.literal('he') }),
]);

const layerSchema = z.union([
  z.strictObject({ type: z.literal('Affine'), units: z.number().int().min(1).max(LIMITS.units), init: initSchema.optional() }),
  z.strictObject({ type: z.enum(ACTIVATION_TYPES) }),
  z.strictObject({ type: z.literal('Dropout'), ratio: fraction }),
  z.strictObject({
    type: z.literal('BatchNormalization'),
    momentum: fraction.optional(),
    epsilon: positive.optional(),
  }),
  z.strictObject({ type: z.enum(LOSS_TYPES) }),
]);

export const architectureSchema: z.ZodType<ArchitectureSpec> = z.strictObject({
  inputSize: z.number().int().min(1).max(LIMITS.inputSize),
  layers: z.array(layerSchema).min(1).max(LIMITS.layers),
});

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant') }),
  z.strictObject({
    kind: z.literal('step'),
    stepSize: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    gamma: positive,
  }),
  z.strictObject({
    kind: z.literal('cosine'),
    totalIterations: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    minLearningRate: finite.refine((v) => v >= 0, 'must be ≥ 0'),
  }),
]);

export const trainingConfigSchema: z.ZodType<TrainingConfig> = z.strictObject({
  optimizer: z.enum(OPTIMIZER_NAMES),
  learningRate: positive,
  momentum: fraction.optional(),
  beta1: fraction.optional(),
  beta2: fraction.optional(),
  decayRate: fraction.optional(),
  schedule: scheduleSchema,
  batchSize: z.number().int().min(1).max(LIMITS.batchSize),
  epochs: z.number().int().min(1).max(LIMITS.epochs),
  maxIterations: z.number().int().min(1).max(LIMITS.maxIterations).optional(),
  weightDecay: finite.refine((v) => v >= 0, 'must be ≥ 0'),
  seed,
  precision: z.enum(['float32', 'float64']),
  patience: z.number().int().min(1).max(LIMITS.epochs).nullable(),
  threads: z.union([z.literal('auto'), z.number().int().min(1).max(LIMITS.threads)]).optional(),
});

export const prepareOptionsSchema: z.ZodType<PrepareOptions> = z.strictObject({
  validation: fraction,
  test: fraction,
  normalize: z.enum(['none', 'minmax', 'zscore']),
  seed,
  stratify: z.boolean(),
});
