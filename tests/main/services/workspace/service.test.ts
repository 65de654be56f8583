import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WORKSPACE_FILE, WorkspaceService, type WorkspaceServiceOptions } from '../../../../src/main/services/workspace/service';
import { EDITOR, FakeRuns, scratchDir } from './fixtures';

const dirs: string[] = [];
const services: WorkspaceService[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function launch(
  userDataDir: string,
  over: Partial<WorkspaceServiceOptions> = {},
): { service: WorkspaceService; reports: string[] } {
  const reports: string[] = [];
  const service = new WorkspaceService({ userDataDir, debounceMs: 30, maxWaitMs: 100, report: (m) => reports.push(m), ...over });
  services.push(service);
  return { service, reports };
}

function dir(): string {
  const d = scratchDir();
  dirs.push(d);
  return d;
}

describe('WorkspaceService', () => {
  it('starts empty on the first launch, creating the user-data folder', async () => {
    const userData = path.join(dir(), 'nested', 'userData');
    const { service, reports } = launch(userData);
    const load = await service.load();
    expect(load).toEqual({
      editor: { architecture: null, training: null, split: null, datasetId: null, settings: {} },
      dataset: null,
      datasetProblem: null,
      runs: [],
      disk: { runs: {}, totalBytes: 0 },
      savedAt: null,
      recovery: [],
    });
    expect(existsSync(userData)).toBe(true);
    expect(reports).toEqual([]);
  });

  it('round-trips the editor state and the runs with curves into the next launch, keeping run ids', async () => {
    const userData = dir();
    const runs = new FakeRuns();
    const first = launch(userData, { runs }).service;
    await first.load();
    await first.save(EDITOR);
    runs.add('run-1', 'done', 0.25);
    runs.add('run-2', 'running', Number.NaN);
    await first.dispose();

    const restored = new FakeRuns();
    const { service: second } = launch(userData, { runs: restored });
    const load = await second.load();
    expect(load.editor).toEqual(EDITOR);
    expect(load.recovery).toEqual([]);
    expect(load.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(load.runs.map((r) => [r.id, r.status])).toEqual([
      ['run-1', 'done'],
      ['run-2', 'interrupted'], // was running when the app quit: resumable
    ]);
    expect(restored.curves('run-1').loss).toEqual([
      [1, 1.1],
      [2, 0.9],
      [3, 0.25],
    ]);
    expect(restored.curves('run-2').loss[2][1]).toBeNaN(); // a diverged loss comes back as NaN, not 0 or null
    expect(load.runs[1].train?.loss).toBeNaN();
    expect(load.runs[0].learningRate).toBe(0.5); // fields beyond the checked ones survive
    expect(load.runs[0].datasetId).toBe('earlier:ds-1'); // never mistaken for a dataset of this launch
  });

  it('keeps the runs of every earlier launch (restored runs are saved again with the new ones)', async () => {
    const userData = dir();
    const runsA = new FakeRuns();
    const a = launch(userData, { runs: runsA }).service;
    await a.load();
    runsA.add('run-1', 'done');
    await a.dispose();
    const runsB = new FakeRuns();
    const b = launch(userData, { runs: runsB }).service;
    await b.load();
    runsB.add('run-2', 'failed');
    await b.dispose();
    const load = await launch(userData, { runs: new FakeRuns() }).service.load();
    expect(load.runs.map((r) => [r.id, r.status])).toEqual([
      ['run-1', 'done'],
      ['run-2', 'failed'],
    ]);
  });

  // Timers and Date are faked in the two debounce tests: the clock moves only when the test advances it, the same under any load.
  // FakeRuns.listed counts the writes as they start (each write reads the run history once).
  it('debounces: many edits in a burst become one write, debounceMs after the last', async () => {
    const userData = dir();
    const runs = new FakeRuns();
    const { service } = launch(userData, { runs, debounceMs: 150, maxWaitMs: 10_000 });
    await service.load();
    runs.listed = 0; // load() read the history once to answer; count the writes from here
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    for (let i = 0; i < 5; i++) {
      await service.save({ ...EDITOR, settings: { edit: i } });
      await vi.advanceTimersByTimeAsync(40);
    }
    await vi.advanceTimersByTimeAsync(109); // 149 ms after the last edit
    expect(runs.listed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.listed).toBe(1);
    vi.useRealTimers();
    await service.flush(); // waits for the write in flight; nothing is pending, so no second write
    expect(runs.listed).toBe(1);
    expect(JSON.parse(readFileSync(path.join(userData, WORKSPACE_FILE), 'utf8')).editor.settings).toEqual({ edit: 4 });
  });

  it('still saves while changes never pause (maxWaitMs after the first unsaved change)', async () => {
    const userData = dir();
    const runs = new FakeRuns();
    const { service } = launch(userData, { runs, debounceMs: 100, maxWaitMs: 250 });
    await service.load();
    runs.listed = 0; // load() read the history once to answer; count the writes from here
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const started = Date.now();
    let edits = 0;
    while (runs.listed === 0 && edits < 100) {
      await service.save({ ...EDITOR, settings: { edit: edits++ } });
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(runs.listed).toBe(1);
    expect(Date.now() - started).toBe(260); // the write started at 250 ms (fake), inside the 13th 20 ms step
    expect(edits).toBe(13);
    vi.useRealTimers();
    await service.flush();
    expect(JSON.parse(readFileSync(path.join(userData, WORKSPACE_FILE), 'utf8')).editor.settings).toEqual({ edit: 12 });
  });

  it.each([
    ['bad JSON', '{"formatVersion": 1, "editor": '],
    ['a failed schema', JSON.stringify({ formatVersion: 1, savedAt: 'x', editor: { architecture: 'mlp' }, runs: [] })],
    ['a future format version', JSON.stringify({ formatVersion: 99, savedAt: 'x', editor: {}, runs: [] })],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('moves a workspace with %s aside with a timestamp, reports it, and starts fresh', async (_what, content) => {
    const userData = dir();
    writeFileSync(path.join(userData, WORKSPACE_FILE), content);
    const { service, reports } = launch(userData);
    const load = await service.load();
    expect(load.editor.architecture).toBeNull();
    expect(load.recovery).toHaveLength(1);
    const [recovery] = load.recovery;
    expect(recovery.what).toBe('workspace');
    expect(recovery.movedTo).toMatch(/^workspace\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(path.join(userData, recovery.movedTo))).toEqual(Buffer.from(content));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(recovery.problem);
    await service.save(EDITOR);
    await service.flush();
    expect((await launch(userData).service.load()).editor).toEqual(EDITOR);
    expect(readdirSync(userData).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('names the schema problem and where it is in the document', async () => {
    const userData = dir();
    writeFileSync(
      path.join(userData, WORKSPACE_FILE),
      JSON.stringify({
        formatVersion: 2,
        savedAt: 'x',
        editor: { ...EDITOR, datasetId: undefined, dataset: { id: 'ds1', origin: { kind: 'builtin', name: 'moons' } } },
        runs: [],
      }),
    );
    const { service } = launch(userData);
    expect((await service.load()).recovery[0]?.problem).toMatch(/schema at editor\.dataset\.origin\.name/);
  });

  it('reports a failed autosave and keeps running (e.g. the folder became a file)', async () => {
    const userData = dir();
    const { service, reports } = launch(userData);
    await service.load();
    rmSync(userData, { recursive: true });
    writeFileSync(userData, 'not a folder');
    await service.save(EDITOR);
    await service.flush();
    expect(reports.join('\n')).toMatch(/workspace autosave to .* failed/);
    rmSync(userData);
  });
});
