/** The studio state: datasets fit the architecture, run events update runs and curves, overlays and copy-config. */
import { describe, expect, it } from 'vitest';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { FakeApi, datasetSummary, runSummary } from '../fake-api';

const progress = (runId: string, loss: [number, number][], lossReset = false) => ({
  type: 'progress' as const,
  runId,
  epoch: 0,
  iteration: loss.at(-1)?.[0] ?? 0,
  totalIterations: 100,
  loss,
  lossReset,
  samplesPerSecond: 1000,
  etaSeconds: 3,
  learningRate: 0.01,
  epochs: [],
});

describe('Studio', () => {
  it('fits the architecture to a new dataset, undoably', () => {
    const studio = new Studio(new FakeApi());
    studio.useDataset(datasetSummary({ d: 4, classNames: ['a', 'b'] }));
    expect(studio.architecture.inputSize).toBe(4);
    expect(studio.architecture.layers.at(-2)).toEqual({ type: 'Affine', units: 2 });
    studio.history.undo();
    expect(studio.architecture.inputSize).toBe(2);
  });

  it('starts a run with the edited spec and makes it active', async () => {
    const api = new FakeApi({ 'runs.start': () => runSummary({ id: 'run-7', status: 'queued' }) });
    const studio = new Studio(api);
    studio.useDataset(datasetSummary());
    await studio.train();
    expect(studio.activeRunId).toBe('run-7');
    expect(api.called('runs.start')[0]).toMatchObject({ datasetId: 'ds-1', architecture: { inputSize: 2 } });
  });

  it('keeps the running status that arrived before the queued reply of runs.start', async () => {
    const api: FakeApi = new FakeApi({
      'runs.start': () => {
        // The host's events for the run go out before its reply (its split came from a worker at once).
        api.emit('runs.event', {
          type: 'status',
          runId: 'run-8',
          status: 'running',
          summary: runSummary({ id: 'run-8', status: 'running' }),
        });
        return runSummary({ id: 'run-8', status: 'queued' });
      },
    });
    const studio = new Studio(api);
    studio.useDataset(datasetSummary());
    await studio.train();
    expect(studio.activeRun?.status).toBe('running');
  });

  it('starts no run while a settings field holds an invalid value, and starts one once it is fixed', async () => {
    const api = new FakeApi({ 'runs.start': () => runSummary({ id: 'run-8', status: 'queued' }) });
    const studio = new Studio(api);
    studio.useDataset(datasetSummary());
    studio.fieldProblems.set('epochs', { label: 'Epochs', message: () => 'Epochs: expected a whole number, got "200000"' });
    await studio.train();
    expect(api.called('runs.start')).toEqual([]);
    studio.fieldProblems.set('epochs', null);
    await studio.train();
    expect(api.called('runs.start')).toHaveLength(1);
  });

  it('appends progress losses, replaces them on lossReset, and updates the run numbers', () => {
    const api = new FakeApi();
    const studio = new Studio(api);
    api.emit('runs.event', { type: 'status', runId: 'run-1', status: 'running', summary: runSummary() });
    api.emit(
      'runs.event',
      progress('run-1', [
        [1, 2],
        [2, 1.5],
      ]),
    );
    api.emit('runs.event', progress('run-1', [[3, 1]]));
    expect(studio.curves['run-1'].loss).toEqual([
      [1, 2],
      [2, 1.5],
      [3, 1],
    ]);
    api.emit('runs.event', progress('run-1', [[3, 1.4]], true));
    expect(studio.curves['run-1'].loss).toEqual([[3, 1.4]]);
    expect(studio.runs[0].iteration).toBe(3);
  });

  it('shows the active run first, then overlaid runs; a removed run disappears everywhere', async () => {
    const api = new FakeApi({ 'runs.curves': ({ id }) => ({ runId: id, loss: [[1, 1]], iterationsPerPoint: 1, epochs: [] }) });
    const studio = new Studio(api);
    for (const id of ['run-1', 'run-2', 'run-3'])
      api.emit('runs.event', { type: 'status', runId: id, status: 'done', summary: runSummary({ id, name: id }) });
    await studio.selectRun('run-3');
    await studio.toggleOverlay('run-1', true);
    expect(studio.shownRuns.map((r) => r.id)).toEqual(['run-3', 'run-1']);
    expect(studio.curves['run-1'].loss).toEqual([[1, 1]]);
    api.emit('runs.event', { type: 'removed', runId: 'run-1' });
    expect(studio.shownRuns.map((r) => r.id)).toEqual(['run-3']);
    expect(studio.overlay).toEqual([]);
  });

  it('copies a run config into the editors', () => {
    const api = new FakeApi();
    const studio = new Studio(api);
    const arch = { inputSize: 2, layers: [{ type: 'Affine' as const, units: 9 }, { type: 'SoftmaxWithLoss' as const }] };
    api.emit('runs.event', {
      type: 'status',
      runId: 'run-1',
      status: 'done',
      summary: runSummary({ architecture: arch, config: { ...runSummary().config, learningRate: 0.123 } }),
    });
    studio.copyConfig('run-1');
    expect(studio.architecture).toEqual(arch);
    expect(studio.config.learningRate).toBe(0.123);
  });

  it('shows an API failure as an error message instead of throwing', async () => {
    const studio = new Studio(new FakeApi());
    await studio.loadBuiltin('iris');
    expect(studio.error).toMatch(/datasets.builtin/);
  });
});
