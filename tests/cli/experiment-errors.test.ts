/** `experiment` exits 2 with one line naming the problem for every refused start: name, parameter, missing or unusable data. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_BUILD } from '../main/engine/fixtures';
import { runCli } from './cli-process';

const dir = mkdtempSync(join(tmpdir(), 'cli-experiment-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(NO_BUILD !== null)('cli experiment refusals (built CLI)', () => {
  it.each([
    [['experiment', 'nope'], /^error: experiment: unknown experiment "nope"; expected one of optimizer-paths, /],
    [
      ['experiment', 'optimizer-paths', '--set', 'steps=0'],
      /^error: optimizer-paths: parameter steps is 0, expected an integer in \[1, 1000\]/,
    ],
    [['experiment', 'overfitting', '--data', join(dir, 'missing.csv')], /^error: .*missing\.csv/],
  ])('%j exits 2 with the message', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a regression dataset given with --data exits 2: the experiments need classes', async () => {
    const csv = join(dir, 'prices.csv');
    writeFileSync(csv, `size,price\n${Array.from({ length: 40 }, (_, i) => `${i},${i * 2.5 + 0.1}`).join('\n')}\n`);
    const r = await runCli(['experiment', 'overfitting', '--data', csv, '--set', 'epochs=1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: .* is a regression dataset; the experiments need classes$/);
  });
});
