import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../../../src/main/services/workspace/workspace-file';
import { WORKSPACE_FILE, WorkspaceService } from '../../../../src/main/services/workspace/service';
import { DatasetService } from '../../../../src/main/services/datasets/service';
import { EDITOR, FakeRuns, curves, summary } from './fixtures';

/** A workspace.json exactly as format version 1 wrote it: runs of two launches, both numbered from run-1. */
function v1File(): string {
  const run = (session: string, id: string, status: 'done' | 'running') => ({
    session,
    summary: summary(id, status, 0.3),
    curves: curves(id, 0.3),
  });
  return JSON.stringify({
    formatVersion: 1,
    savedAt: '2026-11-28T01:00:00.000Z',
    editor: {
      architecture: EDITOR.architecture,
      training: EDITOR.training,
      split: EDITOR.split,
      settings: { theme: 'dark' },
      datasets: [{ name: 'spiral', source: 'spiral (built-in)', builtin: { name: 'spiral', samples: 300, noise: 0.2, seed: 1 } }],
    },
    runs: [run('a', 'run-1', 'done'), run('b', 'run-1', 'done'), run('b', 'run-2', 'running')],
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('workspace migration from format version 1', () => {
  it('gives the runs of several launches unique ids, keeps the editor and turns the built-in dataset into an origin', () => {
    const workspace = parseWorkspace(v1File());
    expect(workspace.formatVersion).toBe(2);
    expect(workspace.runs.map((r) => [r.summary.id, r.curves.runId, r.modelFile])).toEqual([
      ['run-1', 'run-1', null],
      ['run-2', 'run-2', null],
      ['run-3', 'run-3', null],
    ]);
    expect(workspace.editor).toEqual({
      architecture: EDITOR.architecture,
      training: EDITOR.training,
      split: EDITOR.split,
      settings: { theme: 'dark' },
      dataset: { id: '', origin: { kind: 'builtin', name: 'spiral', samples: 300, noise: 0.2, seed: 1 } },
    });
  });

  it('remembers a file dataset of version 1 (which had no location) by name, so that the restore asks for it', () => {
    const v1 = JSON.parse(v1File()) as { editor: { datasets: unknown[] } };
    v1.editor.datasets = [
      {
        name: 'iris.csv',
        source: 'iris.csv',
        importOptions: { header: 'yes', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false },
      },
    ];
    const { editor } = parseWorkspace(JSON.stringify(v1));
    expect(editor.dataset?.origin).toMatchObject({ kind: 'csv', name: 'iris.csv', file: { path: '' } });
  });

  it('loads a version 1 file at launch and writes it back as version 2', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'migrate-'));
    dirs.push(userData);
    writeFileSync(path.join(userData, WORKSPACE_FILE), v1File());
    const runs = new FakeRuns();
    const service = new WorkspaceService({
      userDataDir: userData,
      runs,
      datasets: new DatasetService({ inThread: true }),
      debounceMs: 10,
      maxWaitMs: 50,
    });
    const load = await service.load();
    expect(load.recovery).toEqual([]);
    expect(load.dataset).toMatchObject({ name: expect.stringContaining('spiral') as string, n: 300 });
    expect(load.runs.map((r) => [r.id, r.status])).toEqual([
      ['run-1', 'done'],
      ['run-2', 'done'],
      ['run-3', 'interrupted'],
    ]);
    await service.save({ ...load.editor });
    await service.dispose();
    const written = JSON.parse(readFileSync(path.join(userData, WORKSPACE_FILE), 'utf8')) as {
      formatVersion: number;
      runs: unknown[];
    };
    expect([written.formatVersion, written.runs.length]).toEqual([2, 3]);
  });
});
