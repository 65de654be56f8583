/** planColumns refuses impossible column roles with a ColumnError: a stable reason and its values, besides the English text. */
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../../src/core/datasets/columns';
import { ColumnError } from '../../../src/core/datasets/column-error';

const names = ['a', 'b', 'label'];
const numeric = ['numeric', 'numeric', 'numeric'] as const;

function refusal(run: () => unknown): ColumnError {
  try {
    run();
  } catch (e) {
    if (e instanceof ColumnError) return e;
    throw e;
  }
  throw new Error('expected a ColumnError');
}

describe('planColumns refusals carry a reason and params', () => {
  it.each([
    ['too-few-columns', () => planColumns(['a'], ['numeric'], { textFeatures: 'drop' }), { count: 1 }],
    ['label-not-found', () => planColumns(names, numeric, { labelColumn: 'y', textFeatures: 'drop' }), { column: 'y' }],
    ['feature-not-found', () => planColumns(names, numeric, { featureColumns: ['z'], textFeatures: 'drop' }), { column: 'z' }],
    ['label-out-of-range', () => planColumns(names, numeric, { labelColumn: 7, textFeatures: 'drop' }), { index: 7, count: 3 }],
    [
      'feature-out-of-range',
      () => planColumns(names, numeric, { featureColumns: [-1], textFeatures: 'drop' }),
      { index: -1, count: 3, last: 2 },
    ],
    [
      'label-is-feature',
      () => planColumns(names, numeric, { featureColumns: ['label'], textFeatures: 'drop' }),
      { column: 'label' },
    ],
    ['feature-twice', () => planColumns(names, numeric, { featureColumns: ['a', 0], textFeatures: 'drop' }), { column: 'a' }],
    ['no-features', () => planColumns(names, ['text', 'text', 'numeric'], { textFeatures: 'drop' }), {}],
  ] as const)('%s', (reason, run, params) => {
    const e = refusal(run);
    expect(e.reason).toBe(reason);
    expect(e.params).toMatchObject(params);
  });

  it('keeps the English message the CLI prints', () => {
    const e = refusal(() => planColumns(names, numeric, { labelColumn: 'y', textFeatures: 'drop' }));
    expect(e.message).toBe('label column "y" not found; columns are: "a", "b", "label"');
  });
});
