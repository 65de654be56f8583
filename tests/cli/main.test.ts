import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, NO_BUILD } from '../main/engine/fixtures';
import { runCli } from './cli-process';

describe.skipIf(NO_BUILD ?? (existsSync(CLI_PATH) ? null : `skipped: ${CLI_PATH} is missing`))('cli main', () => {
  it('prints help listing every command and the shared flags, exit 0', async () => {
    const r = await runCli(['help']);
    expect(r.code).toBe(0);
    for (const command of ['train', 'gradcheck', 'predict', 'export', 'inspect', 'bench', 'graph', 'help'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const flag of ['--data', '--hidden', '--optimizer', '--patience']) expect(r.stdout).toContain(flag);
  });

  it('exits 2 for an unknown command, naming the known ones', async () => {
    const r = await runCli(['fly']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: unknown command "fly"; expected one of train, gradcheck, bench, experiment, inspect, predict, export, graph, import-run, help (see: npm run cli -- help)',
    );
  });
});
