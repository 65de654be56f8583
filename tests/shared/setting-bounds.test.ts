/** The settings' bounds are the schemas' bounds: each end is accepted (or refused when open) by trainingConfigSchema, and just outside is refused. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../../src/core/spec';
import { trainingConfigSchema } from '../../src/shared/spec';
import { TRAINING_BOUNDS, withinBounds, type NumberBounds } from '../../src/shared/setting-bounds';

const accepts = (field: string, value: number): boolean =>
  trainingConfigSchema.safeParse({ ...DEFAULT_TRAINING_CONFIG, [field]: value }).success;

/** Values on and around each end of `b` that `withinBounds` judges; the schema must agree on every one. */
function probes(b: NumberBounds): number[] {
  const ends = [b.min, b.max].filter(Number.isFinite);
  const step = b.integer ? 1 : 1e-9;
  return ends.flatMap((end) => [end - step, end, end + step]).concat(b.integer ? [b.min + 0.5] : [], [Infinity, NaN]);
}

describe('TRAINING_BOUNDS', () => {
  it.each(['learningRate', 'batchSize', 'epochs', 'weightDecay', 'seed', 'patience', 'threads'] as const)(
    '%s: the schema accepts exactly what withinBounds accepts',
    (field) => {
      for (const value of probes(TRAINING_BOUNDS[field])) {
        expect([value, accepts(field, value)]).toEqual([value, withinBounds(value, TRAINING_BOUNDS[field])]);
      }
    },
  );

  it('refuses Epochs 200000 and accepts 100000 (the schema limit)', () => {
    expect(withinBounds(200_000, TRAINING_BOUNDS.epochs)).toBe(false);
    expect(withinBounds(100_000, TRAINING_BOUNDS.epochs)).toBe(true);
  });

  it('honours open ends: a learning rate of 0 is refused, a fraction of 1 is refused', () => {
    expect(withinBounds(0, TRAINING_BOUNDS.learningRate)).toBe(false);
    expect(withinBounds(1, TRAINING_BOUNDS.fraction)).toBe(false);
    expect(withinBounds(0, TRAINING_BOUNDS.fraction)).toBe(true);
  });
});
