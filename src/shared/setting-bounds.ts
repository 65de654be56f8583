/** The bounds of every numeric setting a person edits (training config, layers, split): the zod schemas and the editor's fields both read them from here. */
import { z } from 'zod';

/** Size limits that keep a run allocatable. */
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

/** The largest seed (seeds are unsigned 32-bit integers everywhere: runs, splits, built-in datasets, traces). */
export const SEED_MAX = 2 ** 32 - 1;

/** A closed (or, with the flags, open) interval of finite numbers, integers only when `integer`. */
export interface NumberBounds {
  min: number;
  max: number;
  integer?: boolean;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

/** Whether `value` lies within `bounds` (finite, integral when asked, on the right side of each end). */
export function withinBounds(value: number, bounds: NumberBounds): boolean {
  if (!Number.isFinite(value) || (bounds.integer && !Number.isInteger(value))) return false;
  const aboveMin = bounds.exclusiveMin ? value > bounds.min : value >= bounds.min;
  const belowMax = bounds.exclusiveMax ? value < bounds.max : value <= bounds.max;
  return aboveMin && belowMax;
}

/** The zod schema of a number within `bounds` (z.number() already refuses ±Infinity and NaN). */
export function boundedNumber(bounds: NumberBounds): z.ZodNumber {
  let schema = bounds.integer ? z.number().int() : z.number();
  schema = bounds.exclusiveMin ? schema.gt(bounds.min) : schema.min(bounds.min);
  if (Number.isFinite(bounds.max)) schema = bounds.exclusiveMax ? schema.lt(bounds.max) : schema.max(bounds.max);
  return schema;
}

const positive: NumberBounds = { min: 0, exclusiveMin: true, max: Infinity };
const fraction: NumberBounds = { min: 0, max: 1, exclusiveMax: true };
const iterations: NumberBounds = { min: 1, max: 2 ** 31 - 1, integer: true };

/** Training settings (TrainingConfig and its schedule). */
export const TRAINING_BOUNDS = {
  learningRate: positive,
  fraction,
  stepSize: iterations,
  gamma: positive,
  totalIterations: iterations,
  minLearningRate: { min: 0, max: Infinity },
  batchSize: { min: 1, max: LIMITS.batchSize, integer: true },
  epochs: { min: 1, max: LIMITS.epochs, integer: true },
  maxIterations: { min: 1, max: LIMITS.maxIterations, integer: true },
  weightDecay: { min: 0, max: Infinity },
  seed: { min: 0, max: SEED_MAX, integer: true },
  patience: { min: 1, max: LIMITS.epochs, integer: true },
  threads: { min: 1, max: LIMITS.threads, integer: true },
} satisfies Record<string, NumberBounds>;

/** Layer settings (ArchitectureSpec). */
export const LAYER_BOUNDS = {
  inputSize: { min: 1, max: LIMITS.inputSize, integer: true },
  units: { min: 1, max: LIMITS.units, integer: true },
  std: positive,
  dropoutRatio: fraction,
  bnMomentum: fraction,
  bnEpsilon: positive,
} satisfies Record<string, NumberBounds>;

/** The split of a dataset (PrepareOptions). */
export const SPLIT_BOUNDS = { validation: fraction, test: fraction } satisfies Record<string, NumberBounds>;
