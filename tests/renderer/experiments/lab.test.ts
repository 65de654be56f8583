import { describe, expect, it } from 'vitest';
import { ExperimentLab } from '../../../src/renderer/src/experiments/lab.svelte';
import type { ExperimentState } from '../../../src/shared/api/experiments';
import { FakeApi, runSummary } from '../fake-api';
import { AppError } from '../../../src/shared/errors';
import { describeError } from '../../../src/renderer/src/lib/describe-error';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';

const INFO = {
  name: 'optimizer-paths' as const,
  needsData: false,
  params: [{ key: 'steps', default: 30, min: 1, max: 1000, integer: true }],
};

function state(overrides: Partial<ExperimentState> = {}): ExperimentState {
  return {
    id: 'x1',
    name: 'optimizer-paths',
    seed: 42,
    params: { steps: 30 },
    dataset: null,
    status: 'running',
    cells: ['SGD', 'Adam'],
    results: [null, null],
    progress: 0,
    etaSeconds: null,
    concurrency: 2,
    summary: null,
    error: null,
    ...overrides,
  };
}

const result = (index: number) => ({
  index,
  label: index === 0 ? 'SGD' : 'Adam',
  series: [{ name: 'p', kind: 'path' as const, x: [index], y: [0] }],
  figures: {},
});

describe('ExperimentLab', () => {
  it('starts with the preset defaults and sends the edited parameters and seed', async () => {
    const api = new FakeApi({ 'experiments.list': () => [INFO], 'experiments.start': () => state() });
    const lab = new ExperimentLab(api);
    await lab.load();
    expect(lab.params).toEqual({ steps: 30 });
    lab.params.steps = 12;
    lab.seed = 7;
    await lab.run();
    expect(api.called('experiments.start')).toEqual([
      { name: 'optimizer-paths', params: { steps: 12 }, seed: 7, datasetId: undefined },
    ]);
    expect(lab.running).toBe(true);
  });

  it('keeps events that arrive before the start reply and applies them once it comes', async () => {
    // The service finishes a cell and completes before the start call resolves.
    const api: FakeApi = new FakeApi({
      'experiments.list': () => [INFO],
      'experiments.start': () => {
        api.emit('experiments.event', { type: 'cell', id: 'x1', result: result(1) });
        api.emit('experiments.event', {
          type: 'state',
          state: state({ status: 'completed', results: [result(0), result(1)], progress: 1 }),
        });
        return state();
      },
    });
    const lab = new ExperimentLab(api);
    await lab.load();
    await lab.run();
    expect(lab.current?.status).toBe('completed');
    expect(lab.live.map((s) => s?.[0].x[0])).toEqual([0, 1]);
  });

  it('draws partial series while a cell runs and ignores other experiments', async () => {
    const api = new FakeApi({ 'experiments.list': () => [INFO], 'experiments.start': () => state() });
    const lab = new ExperimentLab(api);
    await lab.load();
    await lab.run();
    api.emit('experiments.event', {
      type: 'cell-progress',
      id: 'x1',
      index: 0,
      done: 3,
      total: 30,
      series: [{ name: 'SGD', kind: 'path', x: [1, 2], y: [3, 4] }],
      progress: 0.05,
      etaSeconds: 9,
    });
    api.emit('experiments.event', {
      type: 'cell-progress',
      id: 'x9',
      index: 1,
      done: 3,
      total: 30,
      series: [],
      progress: 0.5,
      etaSeconds: 1,
    });
    expect(lab.live[0]?.[0].x).toEqual([1, 2]);
    expect(lab.live[1]).toBeNull();
    expect([lab.current?.progress, lab.current?.etaSeconds]).toEqual([0.05, 9]);
  });

  it('keeps the coded error of a refused start, worded from the catalogs in English and 中文', async () => {
    const refusal = new AppError('experiment-parameter-integer', 'optimizer-paths: parameter steps is 0', {
      experiment: 'optimizer-paths',
      parameter: 'steps',
      value: '0',
      min: 1,
      max: 1000,
    });
    const api = new FakeApi({
      'experiments.list': () => [INFO],
      'experiments.start': () => Promise.reject(refusal),
    });
    const lab = new ExperimentLab(api);
    await lab.load();
    await lab.run();
    expect(lab.failure).toBe(refusal);
    expect(describeError(lab.failure)).toBe(
      'optimizer-paths: the parameter steps is 0; it must be a whole number between 1 and 1000.',
    );
    applyLanguage('zh');
    expect(describeError(lab.failure)).toBe('optimizer-paths：参数 steps 为 0；它必须是 1 到 1000 之间的整数。');
    applyLanguage('en');
    expect(lab.current).toBeNull();
  });

  it('adds a finished cell to the runs and remembers the new run name; a refusal is kept as the failure', async () => {
    const calls: unknown[] = [];
    let refuse = false;
    const api = new FakeApi({
      'experiments.list': () => [INFO],
      'experiments.start': () => state({ status: 'completed' }),
      'experiments.addRun': (args) => {
        calls.push(args);
        if (refuse) return Promise.reject(new AppError('experiment-cell-untrained', 'no network', { cell: 'SGD' }));
        return runSummary({ name: 'Optimizer comparison · Adam' });
      },
    });
    const lab = new ExperimentLab(api);
    await lab.load();
    await lab.run();
    await lab.addRun(1, 'Optimizer comparison · Adam');
    expect(calls).toEqual([{ id: 'x1', index: 1, name: 'Optimizer comparison · Adam' }]);
    expect([lab.added, lab.failure]).toEqual(['Optimizer comparison · Adam', null]);
    refuse = true;
    await lab.addRun(0);
    expect(lab.added).toBeNull();
    expect(describeError(lab.failure)).toBe('The cell “SGD” trains no network: this experiment has no run to keep.');
  });
});
