import { describe, expect, it } from 'vitest';
import { ImportBudget, importLimitsFromEnv, parseByteSize } from '../../../../src/main/services/datasets/import-budget';

describe('import limits of a host', () => {
  it('reads BACKPROP_MAX_ROWS and BACKPROP_MEMORY_BUDGET (with units), and nothing when unset', () => {
    expect(importLimitsFromEnv({})).toEqual({});
    expect(importLimitsFromEnv({ BACKPROP_MAX_ROWS: '50000000', BACKPROP_MEMORY_BUDGET: '4GiB' })).toEqual({
      maxRows: 50_000_000,
      memoryBudgetBytes: 4 * 1024 ** 3,
    });
    expect(parseByteSize('512 MiB')).toBe(512 * 1024 ** 2);
    expect(parseByteSize('1.5kb')).toBe(1500);
    expect(parseByteSize('lots')).toBeNaN();
  });

  it.each([
    [{ BACKPROP_MAX_ROWS: '0' }, /BACKPROP_MAX_ROWS must be an integer from 1/],
    [{ BACKPROP_MAX_ROWS: '1e3' }, /BACKPROP_MAX_ROWS must be an integer/],
    [{ BACKPROP_MEMORY_BUDGET: '1TiB' }, /BACKPROP_MEMORY_BUDGET must be a size up to 64 GiB/],
    [{ BACKPROP_MEMORY_BUDGET: `${2 ** 40}` }, /BACKPROP_MEMORY_BUDGET must be a size up to 64 GiB/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => importLimitsFromEnv(env)).toThrow(message);
  });

  it('counts rows against the limit and bytes against the budget, naming how to raise each', () => {
    const budget = new ImportBudget('/data/x.csv', { maxRows: 100, memoryBudgetBytes: 1000 }, 12);
    expect(() => budget.check(83)).not.toThrow();
    expect(() => budget.check(84)).toThrow(
      "x.csv: the dataset needs more than 1008 B with the parser's working memory (more than 84 rows × 12 bytes), more than the import memory budget of 1000 B; import fewer rows or columns, or raise the budget (--memory-budget in the CLI, BACKPROP_MEMORY_BUDGET for the app)",
    );
    expect(() => new ImportBudget('x.csv', { maxRows: 100, memoryBudgetBytes: 1e9 }, 12).check(101)).toThrow(
      /more than 100 rows, the row limit; .*BACKPROP_MAX_ROWS/,
    );
  });
});
