/** WorkspaceSync with a scripted API: the restore puts every part of the workspace back; saving starts after it. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { WorkspaceSync } from '../../../src/renderer/src/lib/workspace-sync.svelte';
import { theme } from '../../../src/renderer/src/lib/theme.svelte';
import { applyLanguage, locale } from '../../../src/renderer/src/i18n/i18n.svelte';
import type { WorkspaceLoad } from '../../../src/shared/workspace';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec } from '../../../src/core/spec';
import { FakeApi, datasetSummary, runSummary } from '../fake-api';

const ARCH: ArchitectureSpec = {
  inputSize: 4,
  layers: [{ type: 'Affine', units: 7 }, { type: 'Relu' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};

function saved(over: Partial<WorkspaceLoad> = {}): WorkspaceLoad {
  return {
    editor: {
      architecture: ARCH,
      training: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.123 },
      split: { validation: 0.3, test: 0, normalize: 'zscore', seed: 9, stratify: true },
      datasetId: 'ds1',
      settings: { theme: 'dark', language: 'zh', tab: 'diagnostics', activeRun: 'run-2', overlay: 'run-1,run-9' },
    },
    dataset: datasetSummary({ id: 'ds1', name: 'iris', d: 4 }),
    datasetProblem: null,
    runs: [runSummary({ id: 'run-1' }), runSummary({ id: 'run-2' })],
    disk: { runs: { 'run-1': 100 }, totalBytes: 100 },
    savedAt: '2026-12-01T00:00:00.000Z',
    recovery: [],
    ...over,
  };
}

function setup(load: WorkspaceLoad) {
  const api = new FakeApi({
    'workspace.load': () => load,
    'workspace.save': () => undefined,
    'runs.curves': ({ id }) => ({ runId: id, loss: [[1, 0.5]], iterationsPerPoint: 1, epochs: [] }),
    'datasets.builtin': () => datasetSummary({ id: 'ds7', name: 'spiral' }),
  });
  const studio = new Studio(api);
  return { api, studio, sync: new WorkspaceSync(studio) };
}

afterEach(() => {
  theme.mode = 'system';
  applyLanguage('en');
});

describe('WorkspaceSync', () => {
  it('restores dataset, architecture (nothing to undo), settings, runs, the selected and overlaid runs with curves, tab, theme, language', async () => {
    const { studio, sync } = setup(saved());
    await sync.restore();
    expect(studio.dataset?.name).toBe('iris');
    expect(studio.architecture).toEqual(ARCH);
    expect(studio.history.canUndo).toBe(false);
    expect(studio.config.learningRate).toBe(0.123);
    expect(studio.split.seed).toBe(9);
    expect(studio.runs.map((r) => r.id)).toEqual(['run-1', 'run-2']);
    expect(studio.activeRunId).toBe('run-2');
    expect(studio.overlay).toEqual(['run-1']); // run-9 no longer exists
    expect(Object.keys(studio.curves).sort()).toEqual(['run-1', 'run-2']);
    expect([studio.tab, theme.mode, locale.language]).toEqual(['diagnostics', 'dark', 'zh']);
    expect(sync.disk.totalBytes).toBe(100);
  });

  it('opens the built-in spiral when nothing was saved, but not when the saved dataset is missing', async () => {
    const fresh = setup(
      saved({
        editor: { architecture: null, training: null, split: null, datasetId: null, settings: {} },
        dataset: null,
        runs: [],
      }),
    );
    await fresh.sync.restore();
    expect(fresh.studio.dataset?.name).toBe('spiral');
    const missing = setup(saved({ dataset: null, datasetProblem: { code: 'dataset-missing', name: 'iris.csv', detail: null } }));
    await missing.sync.restore();
    expect(missing.studio.dataset).toBeNull();
    expect(missing.sync.problem?.name).toBe('iris.csv');
  });

  it('sends the editor state only after the restore, and again on every change', async () => {
    const { api, studio, sync } = setup(saved());
    const stop = sync.autosave();
    flushSync();
    expect(api.called('workspace.save')).toEqual([]);
    await sync.restore();
    flushSync();
    const first = api.called('workspace.save').at(-1);
    expect(first).toMatchObject({
      datasetId: 'ds1',
      settings: { tab: 'diagnostics', activeRun: 'run-2', overlay: 'run-1', theme: 'dark', language: 'zh' },
    });
    studio.config = { ...studio.config, epochs: 77 };
    flushSync();
    expect(api.called('workspace.save').at(-1)).toMatchObject({ training: { epochs: 77 } });
    stop();
  });

  it('saves the checkpoint interval with the settings and restores it; a bad saved value leaves the default', async () => {
    const { api, studio, sync } = setup(
      saved({ editor: { ...saved().editor, settings: { checkpointEvery: 30, checkpointUnit: 'seconds' } } }),
    );
    const stop = sync.autosave();
    await sync.restore();
    expect(studio.checkpoint).toEqual({ every: 30, unit: 'seconds' });
    studio.checkpoint = { every: 5, unit: 'epochs' };
    flushSync();
    expect(api.called('workspace.save').at(-1)).toMatchObject({ settings: { checkpointEvery: 5, checkpointUnit: 'epochs' } });
    stop();
    const bad = setup(saved({ editor: { ...saved().editor, settings: { checkpointEvery: 0.5, checkpointUnit: 'hours' } } }));
    await bad.sync.restore();
    expect(bad.studio.checkpoint).toEqual({ every: 1, unit: 'epochs' });
  });
});
