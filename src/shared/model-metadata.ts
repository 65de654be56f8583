/** The zod schemas of a model file's `__metadata__` values: plain data only, layer types from the fixed list, no extra keys. */
import { z } from 'zod';
import { ACTIVATION_TYPES, LOSS_TYPES, OPTIMIZER_NAMES } from '../core/spec';

/** The format version this app writes and reads; a file with another version is refused. */
export const FORMAT_VERSION = '1';
export const FORMAT_KEY = 'backprop-studio.format';

/** Every `__metadata__` key a version-1 file holds (each value a JSON string, except datasetName and the version). */
export const METADATA_KEYS = [
  FORMAT_KEY,
  'architecture',
  'precision',
  'normalization',
  'featureNames',
  'classNames',
  'targetNames',
  'trainingConfig',
  'seed',
  'metrics',
  'datasetName',
] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];

const name = z.string().max(1000);
const count = z.int().min(1).max(1e9);

const initSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('std'), std: z.number().positive() }),
  z.strictObject({ kind: z.literal('xavier') }),
  z.strictObject({ kind: z.literal('he') }),
]);

const layerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Affine'), units: count, init: initSchema.optional() }),
  z.strictObject({ type: z.enum(ACTIVATION_TYPES) }),
  z.strictObject({ type: z.literal('Dropout'), ratio: z.number().min(0).lt(1) }),
  z.strictObject({
    type: z.literal('BatchNormalization'),
    momentum: z.number().min(0).lt(1).optional(),
    epsilon: z.number().positive().optional(),
  }),
  z.strictObject({ type: z.enum(LOSS_TYPES) }),
]);

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant') }),
  z.strictObject({ kind: z.literal('step'), stepSize: z.int().positive(), gamma: z.number() }),
  z.strictObject({ kind: z.literal('cosine'), totalIterations: z.int().positive(), minLearningRate: z.number() }),
]);

export const precisionSchema = z.enum(['float32', 'float64']);

/** The JSON value stored under each key; `datasetName` and the version are plain strings, `seed` a JSON integer. */
export const metadataSchemas = {
  architecture: z.strictObject({ inputSize: count, layers: z.array(layerSchema).min(1).max(1000) }),
  precision: precisionSchema,
  normalization: z.strictObject({
    kind: z.enum(['none', 'minmax', 'zscore']),
    offset: z.array(z.number()),
    scale: z.array(z.number().positive()),
  }),
  featureNames: z.array(name),
  classNames: z.array(name),
  targetNames: z.array(name),
  trainingConfig: z.strictObject({
    optimizer: z.enum(OPTIMIZER_NAMES),
    learningRate: z.number().positive(),
    momentum: z.number().optional(),
    beta1: z.number().optional(),
    beta2: z.number().optional(),
    decayRate: z.number().optional(),
    schedule: scheduleSchema,
    batchSize: z.int().positive(),
    epochs: z.int().nonnegative(),
    maxIterations: z.int().positive().optional(),
    weightDecay: z.number().nonnegative(),
    seed: z.int(),
    precision: precisionSchema,
    patience: z.int().nonnegative().nullable(),
    threads: z.union([z.literal('auto'), z.int().positive()]).optional(),
  }),
  seed: z.int(),
  metrics: z.strictObject({
    train: z.strictObject({ loss: z.number(), accuracy: z.number().nullable() }).nullable(),
    validation: z.strictObject({ loss: z.number(), accuracy: z.number().nullable() }).nullable(),
    test: z.strictObject({ loss: z.number(), accuracy: z.number().nullable() }).nullable(),
  }),
} as const;

/** Render a zod issue list as one line: `architecture.layers[2].units: Too small: expected number to be >=1`. */
export function describeIssues(key: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `metadata ${key}${path}: ${issue.message}${more}`;
}
