import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../src/main/services/workspace/service';
import { DatasetService } from '../../../../src/main/services/datasets/service';
import { RUNS_FOLDER } from '../../../../src/main/services/workspace/run-models';
import { makeSnapshot } from '../../../fixtures/models/snapshot';
import { EDITOR, FakeRuns, scratchDir } from './fixtures';

const dirs: string[] = [];
const services: WorkspaceService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = scratchDir();
  dirs.push(d);
  return d;
}

function launch(userDataDir: string, runs = new FakeRuns(), isTemporary?: (file: string) => boolean) {
  const reports: string[] = [];
  const datasets = new DatasetService({ inThread: true });
  const service = new WorkspaceService({
    userDataDir,
    runs,
    datasets,
    isTemporary,
    debounceMs: 10,
    maxWaitMs: 50,
    report: (m) => reports.push(m),
  });
  services.push(service);
  return { service, runs, datasets, reports };
}

const CSV = 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n2,2,x\n4,4,y\n6,6,x\n8,8,y\n1,1,x\n9,9,y\n';
const OPTIONS = { header: 'yes', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false, labelColumn: 'label' } as const;

describe('WorkspaceService restore', () => {
  it("writes an ended run's weights as a model file, gives them back to the next launch, and deletes them with the run", async () => {
    const userData = dir();
    const first = launch(userData);
    await first.service.load();
    const snapshot = makeSnapshot('float64');
    first.runs.add('run-1', 'done', 0.25, snapshot);
    first.runs.add('run-2', 'stopped', 0.5, null); // stopped before its first epoch: no weights, no file
    await first.service.flush();
    const usage = first.service.disk();
    expect(Object.keys(usage.runs)).toEqual(['run-1']);
    expect(usage.totalBytes).toBeGreaterThan(100);
    await first.service.dispose();

    const second = launch(userData);
    const load = await second.service.load();
    expect(load.disk).toEqual(usage);
    const restored = second.runs.snapshot('run-1');
    expect(restored.architecture).toEqual(snapshot.architecture);
    expect(restored.tensors.map((t) => [t.name, Array.from(t.data)])).toEqual(
      snapshot.tensors.map((t) => [t.name, Array.from(t.data)]),
    );
    expect(() => second.runs.snapshot('run-2')).toThrow(/no weights/);

    second.runs.remove('run-1');
    await second.service.flush();
    expect(readdirSync(path.join(userData, RUNS_FOLDER))).toEqual([]);
    expect(second.service.disk()).toEqual({ runs: {}, totalBytes: 0 });
  });

  it('moves a corrupt model file aside, reports it, and still restores the run without weights', async () => {
    const userData = dir();
    const first = launch(userData);
    await first.service.load();
    first.runs.add('run-1', 'done', 0.25, makeSnapshot('float32'));
    await first.service.dispose();
    writeFileSync(path.join(userData, RUNS_FOLDER, 'run-1.safetensors'), 'not a model');

    const second = launch(userData);
    const load = await second.service.load();
    expect(load.runs.map((r) => r.id)).toEqual(['run-1']);
    expect(load.recovery).toEqual([
      { what: 'model', movedTo: 'run-1.safetensors', problem: expect.stringMatching(/run-1\.safetensors/) as string },
    ]);
    expect(readdirSync(path.join(userData, RUNS_FOLDER))[0]).toMatch(/^run-1\.safetensors\.corrupt-/);
    expect(second.reports.join('\n')).toMatch(/model file of run run-1 moved aside/);
  });

  it('removes model files no saved run names and temp files a killed write left behind', async () => {
    const userData = dir();
    const first = launch(userData);
    await first.service.load();
    first.runs.add('run-1', 'done', 0.25, makeSnapshot('float32'));
    await first.service.dispose();
    const runsDir = path.join(userData, RUNS_FOLDER);
    writeFileSync(path.join(runsDir, 'run-9.safetensors'), 'orphan');
    writeFileSync(path.join(runsDir, 'run-1.safetensors.123456'), 'half written');
    await launch(userData).service.load();
    expect(readdirSync(runsDir)).toEqual(['run-1.safetensors']);
  });

  it('imports a built-in dataset again and points the restored runs at it', async () => {
    const userData = dir();
    const first = launch(userData);
    const spiral = await first.datasets.import({ kind: 'builtin', name: 'spiral', samples: 120, seed: 4 });
    await first.service.save({ ...EDITOR, datasetId: spiral.id });
    first.runs.add('run-1', 'done');
    first.runs.runs[0].summary = { ...first.runs.runs[0].summary, datasetId: spiral.id };
    await first.service.dispose();

    const second = launch(userData);
    await second.datasets.import({ kind: 'builtin', name: 'xor' }); // ids restart every launch: ds1 is now another dataset
    const load = await second.service.load();
    expect(load.datasetProblem).toBeNull();
    expect(load.dataset).toMatchObject({ name: spiral.name, n: spiral.n });
    expect(load.editor.datasetId).toBe(load.dataset?.id);
    expect(load.runs[0].datasetId).toBe(load.dataset?.id);
  });

  it('imports a CSV file again with its options; a changed or missing file is named, and locating one imports it', async () => {
    const userData = dir();
    const data = path.join(dir(), 'points.csv');
    writeFileSync(data, CSV);
    const first = launch(userData);
    const imported = await first.datasets.import({ kind: 'csv', path: data }, OPTIONS);
    await first.service.save({ ...EDITOR, datasetId: imported.id });
    await first.service.dispose();

    const again = await launch(userData).service.load();
    expect(again.dataset).toMatchObject({ n: 10, classNames: imported.classNames, featureNames: ['a', 'b'] });

    utimesSync(data, new Date(2020, 1, 1), new Date(2020, 1, 1));
    const changed = await launch(userData).service.load();
    expect(changed.dataset).toBeNull();
    expect(changed.datasetProblem).toEqual({ code: 'dataset-changed', name: 'points.csv', detail: null });

    rmSync(data);
    const missing = launch(userData);
    expect((await missing.service.load()).datasetProblem).toEqual({ code: 'dataset-missing', name: 'points.csv', detail: null });
    const moved = path.join(dir(), 'moved.csv');
    writeFileSync(moved, CSV);
    const located = await missing.service.locateDataset(moved);
    expect(located).toMatchObject({ n: 10, featureNames: ['a', 'b'] });
    const after = await missing.service.load();
    expect([after.datasetProblem, after.editor.datasetId]).toEqual([null, located.id]);
    await missing.service.dispose();
    expect((await launch(userData).service.load()).dataset).toMatchObject({ n: 10 });
  });

  it('copies an uploaded (temporary) file under the user-data folder so that it outlives the launch', async () => {
    const userData = dir();
    const upload = path.join(dir(), 'upload.csv');
    writeFileSync(upload, CSV);
    const first = launch(userData, new FakeRuns(), (file) => file === upload);
    const imported = await first.datasets.import({ kind: 'csv', path: upload }, OPTIONS);
    await first.service.save({ ...EDITOR, datasetId: imported.id });
    await first.service.dispose();
    rmSync(upload);
    expect(existsSync(path.join(userData, 'datasets'))).toBe(true);
    expect((await launch(userData).service.load()).dataset).toMatchObject({ n: 10, name: imported.name });
  });
});
