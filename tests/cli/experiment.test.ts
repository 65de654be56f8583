import { describe, expect, it } from 'vitest';
import { runExperimentCommand } from '../../src/cli/commands/experiment';
import type { CliContext } from '../../src/cli/context';
import { EXPERIMENT_NAMES } from '../../src/core/experiments/experiment';
import { NO_BUILD, WORKER_PATH } from '../main/engine/fixtures';

/** Run the command; without `workerPath` (or with --serial) the cells run one after another in this thread. */
async function experiment(argv: string[], workerPath = ''): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const ctx: CliContext = { out: (l) => lines.push(l), stderr: process.stderr, workerPath, benchPath: '' };
  const code = await runExperimentCommand(argv, ctx);
  return { code, lines };
}

describe('cli experiment', () => {
  it('--list prints one experiment name per line', async () => {
    const { code, lines } = await experiment(['--list']);
    expect(code).toBe(0);
    expect(lines).toEqual([...EXPERIMENT_NAMES]);
  });

  it('--json prints one line per run with its curve, then one summary line', async () => {
    const { code, lines } = await experiment(['optimizer-paths', '--seed', '3', '--json']);
    expect(code).toBe(0);
    const events = lines.map(
      (l) => JSON.parse(l) as { event: string; label?: string; series?: { x: number[] }[]; summary?: Record<string, number> },
    );
    expect(events.map((e) => e.event)).toEqual(['cell', 'cell', 'cell', 'cell', 'summary']);
    expect(events.slice(0, 4).map((e) => [e.label, e.series?.[0].x.length])).toEqual([
      ['SGD', 31],
      ['Momentum', 31],
      ['AdaGrad', 31],
      ['Adam', 31],
    ]);
    expect(events[4].summary?.['SGD.ySignChanges']).toBe(30);
  });

  it('--set overrides parameters and trains on builtin:digits by default', async () => {
    const { lines } = await experiment(['optimizer-comparison', '--set', 'iterations=4,units=8,hidden=1', '--json']);
    const summary = JSON.parse(lines[lines.length - 1]) as { params: Record<string, number>; summary: Record<string, number> };
    expect([summary.params.iterations, summary.params.units]).toEqual([4, 8]);
    expect(Object.keys(summary.summary)).toContain('Adam.finalSmoothedLoss');
    expect((JSON.parse(lines[0]) as { series: { y: number[] }[] }).series[0].y).toHaveLength(4);
  });

  it.skipIf(NO_BUILD !== null)('prints the same lines, in cell order, when the cells run on engine workers', async () => {
    const args = ['init-activations', '--seed', '8', '--set', 'samples=100', '--json'];
    const onWorkers = await experiment(args, WORKER_PATH);
    const inThread = await experiment([...args, '--serial'], WORKER_PATH);
    expect(onWorkers.lines).toHaveLength(7);
    expect(onWorkers.lines).toEqual(inThread.lines);
  });

  it('names the unknown experiment, parameter or out-of-range value', async () => {
    await expect(experiment(['nope'])).rejects.toThrow('experiment: unknown experiment "nope"; expected one of optimizer-paths,');
    await expect(experiment(['optimizer-paths', '--set', 'foo=1'])).rejects.toThrow(
      'optimizer-paths: unknown parameter "foo"; expected one of steps,',
    );
    await expect(experiment(['optimizer-paths', '--set', 'steps=0'])).rejects.toThrow(
      'optimizer-paths: parameter steps is 0, expected an integer in [1, 1000]',
    );
    await expect(experiment(['optimizer-paths', '--data', 'builtin:iris'])).rejects.toThrow('optimizer-paths uses no dataset');
  });
});
