import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInspect } from '../../src/cli/commands/inspect';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/csv');

async function inspect(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runInspect(argv, (l) => lines.push(l));
  return { code, lines };
}

describe('runInspect', () => {
  it('prints the delimiter, header, rows, columns with statistics and class balance of a clean CSV', async () => {
    const { code, lines } = await inspect(['--data', join(ROOT, 'resources/datasets/iris.csv')]);
    expect(code).toBe(0);
    expect(lines).toContain('delimiter   ","; candidates: "," → 5 columns');
    expect(lines).toContain('header      yes ("sepal_length" is text above a numeric column)');
    expect(lines).toContain('rows        150 kept, 0 dropped');
    expect(lines.some((l) => /^\s+sepal_length\s+numeric\s+feature\s+4\.300\s+7\.900\s+5\.843/.test(l))).toBe(true);
    expect(lines).toContain('  setosa            50  33.3%');
    expect(lines).toContain('problems    0');
  });

  it('lists every problem and exits 2 (bad input, as train does) when the data has problems', async () => {
    const { code, lines } = await inspect(['--data', join(FIXTURES, 'nan-infinity.csv')]);
    expect(code).toBe(2);
    expect(lines).toContain('problems    2');
    expect(lines).toContain('  line 2, column "a": "NaN" (NaN or Infinity) — expected a number');
    expect(lines).toContain('  line 3, column "b": "Infinity" (NaN or Infinity) — expected a number');
  });

  it('prints the ambiguous delimiter error with its candidates', async () => {
    const { code, lines } = await inspect(['--data', join(FIXTURES, 'ambiguous-delimiter.csv')]);
    expect(code).toBe(2);
    expect(lines).toEqual([
      'error: ambiguous-delimiter.csv: the delimiter is ambiguous ("," gives 2 columns, ";" gives 2 columns): choose one',
    ]);
  });

  it('prints one JSON object with --json', async () => {
    const { code, lines } = await inspect(['--data', 'builtin:xor', '--samples', '40', '--json']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]) as { ok: boolean; n: number; task: string; report: { rows: number } };
    expect(parsed).toMatchObject({ ok: true, n: 40, task: 'classification', report: { rows: 40 } });
  });

  it('rejects unknown flags as a usage error', async () => {
    await expect(inspect(['--data', 'builtin:xor', '--colour'])).rejects.toMatchObject({ name: 'UsageError' });
  });
});
