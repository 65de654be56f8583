import { describe, expect, it } from 'vitest';
import { planColumns, resolveColumn } from '../../../src/core/datasets/columns';

const names = ['a', 'b', 'color', 'y'];
const types = ['numeric', 'numeric', 'text', 'text'] as const;

describe('planColumns', () => {
  it('takes the last column as the label and every other column as a feature by default', () => {
    expect(planColumns(names, types, { textFeatures: 'one-hot' })).toEqual({
      label: 3,
      numericFeatures: [0, 1],
      oneHotFeatures: [2],
      droppedText: [],
    });
  });

  it('drops text features when asked', () => {
    expect(planColumns(names, types, { textFeatures: 'drop' })).toMatchObject({ oneHotFeatures: [], droppedText: [2] });
  });

  it('accepts a label and features by name or index', () => {
    expect(planColumns(names, types, { labelColumn: 'a', featureColumns: [1, 'color'], textFeatures: 'one-hot' })).toEqual({
      label: 0,
      numericFeatures: [1],
      oneHotFeatures: [2],
      droppedText: [],
    });
  });

  it('rejects a label that is also a feature', () => {
    expect(() => planColumns(names, types, { labelColumn: 'b', featureColumns: ['b'], textFeatures: 'drop' })).toThrow(
      /both the label and a feature/,
    );
  });

  it('rejects a plan without features', () => {
    expect(() => planColumns(names, types, { featureColumns: ['color'], textFeatures: 'drop' })).toThrow(
      /no feature columns remain/,
    );
  });
});

describe('resolveColumn', () => {
  it('names the existing columns when a name is unknown', () => {
    expect(() => resolveColumn('species', names, 'label')).toThrow(
      'label column "species" not found; columns are: "a", "b", "color", "y"',
    );
  });

  it('gives the valid range when an index is out of range', () => {
    expect(() => resolveColumn(4, names, 'feature')).toThrow(
      'feature column index 4 is out of range: the file has 4 columns (0–3)',
    );
  });
});
