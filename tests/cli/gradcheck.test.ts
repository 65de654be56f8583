import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, NO_BUILD } from '../main/engine/fixtures';
import { runCli } from './cli-process';

describe.skipIf(NO_BUILD ?? (existsSync(CLI_PATH) ? null : `skipped: ${CLI_PATH} is missing`))('cli gradcheck', () => {
  it('prints one gradcheck object with every parameter and passes for a smooth network', async () => {
    const r = await runCli([
      'gradcheck',
      '--data',
      'builtin:spiral',
      '--hidden',
      '8',
      '--activation',
      'tanh',
      '--samples',
      '4',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const [line] = r.json();
    expect(line.event).toBe('gradcheck');
    expect(line.pass).toBe(true);
    const params = line.params as {
      name: string;
      maxAbs: number;
      meanAbs: number;
      maxRel: number;
      worstIndex: number;
      pass: boolean;
    }[];
    expect(params.map((p) => p.name)).toEqual(['layers.0.W', 'layers.0.b', 'layers.2.W', 'layers.2.b']);
    expect(Object.keys(params[0]).sort()).toEqual(['maxAbs', 'maxRel', 'meanAbs', 'name', 'pass', 'worstIndex']);
    expect(params.every((p) => p.maxRel < 1e-4)).toBe(true);
  });

  it('prints a table without --json, each parameter by its layer number as the editor shows it and its tensor name', async () => {
    const r = await runCli(['gradcheck', '--data', 'builtin:xor', '--hidden', '4', '--activation', 'sigmoid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/parameter\s+tensor\s+shape\s+max abs\s+mean abs\s+max rel\s+worst/);
    expect(r.stdout).toMatch(/^L1\.W\s+layers\.0\.W\s+2×4\s/m);
    expect(r.stdout).toMatch(/^L3\.b\s+layers\.2\.b\s+2\s/m);
    expect(r.stdout).toMatch(/^PASS on 3 samples/m);
  });

  it('exits 2 for a bad --samples', async () => {
    const r = await runCli(['gradcheck', '--data', 'builtin:spiral', '--samples', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--samples: expected an integer ≥ 1/);
  });
});
