/** zod 4 schemas for the run service's requests as they cross a process boundary, with size limits that keep a run allocatable. */
import { z } from 'zod';
import { ACTIVATION_TYPES, LOSS_TYPES, OPTIMIZER_NAMES } from '../../../core/spec';
import type { ArchitectureSpec, TrainingConfig } from '../../../core/spec';
import type { NamedTensor } from '../../../shared/model';
import type { PrepareOptions } from '../datasets/types';
import type { GradientCheckRequest, RunStartRequest } from './types';

export const LIMITS = { units: 4096, layers: 32, inputSize: 100_000, batchSize: 65_536, epochs: 100_000, maxIterations: 1e9, samples: 1000 };

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((v) => v > 0, 'must be greater than 0');
const fraction = finite.refine((v) => v >= 0 && v < 1, 'must be in [0, 1)');
const seed = z.number().int().min(0).max(2 ** 32 - 1);

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
  z.strictObject({ kind: z.literal('step'), stepSize: z.number().int().min(1), gamma: positive }),
  z.strictObject({ kind: z.literal('cosine'), totalIterations: z.number().int().min(1), minLearningRate: finite.refine((v) => v >= 0, 'must be ≥ 0') }),
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
});

export const prepareOptionsSchema: z.ZodType<PrepareOptions> = z.strictObject({
  validation: fraction,
  test: fraction,
  normalize: z.enum(['none', 'minmax', 'zscore']),
  seed,
  stratify: z.boolean(),
});

const namedTensorSchema: z.ZodType<NamedTensor> = z
  .strictObject({
    name: z.string().min(1).max(200),
    shape: z.array(z.number().int().min(1)).min(1).max(4),
    data: z.union([z.instanceof(Float32Array), z.instanceof(Float64Array)]),
  })
  .refine((t) => t.shape.reduce((a, b) => a * b, 1) === t.data.length, 'data length must equal the product of the shape');

const datasetId = z.string().min(1).max(64);

export const runStartRequestSchema: z.ZodType<RunStartRequest> = z.strictObject({
  datasetId,
  architecture: architectureSchema,
  config: trainingConfigSchema,
  split: prepareOptionsSchema,
  name: z.string().min(1).max(200).optional(),
  initialState: z.array(namedTensorSchema).max(1000).optional(),
});

export const gradientCheckRequestSchema: z.ZodType<GradientCheckRequest> = z.strictObject({
  datasetId,
  architecture: architectureSchema,
  split: prepareOptionsSchema,
  samples: z.number().int().min(1).max(LIMITS.samples),
  seed,
  initialState: z.array(namedTensorSchema).max(1000).optional(),
});

/** Validate `value` with `schema`, or throw one clear message naming the first problem's path (e.g. "config.batchSize: …"). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
  throw new Error(`invalid ${what}: ${issue.path.join('.') || '(root)'}: ${issue.message}${more}`);
}
