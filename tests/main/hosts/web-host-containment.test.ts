/** The web host survives its workers: a dataset worker that fails during an import and during a run's split is reported with a code, and the next call is served. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/shared/runs';
import { QUICK_CONFIG } from '../engine/fixtures';
import { call } from './web-client';
import { REPO, open, services, useTestWebServer } from './web-server-fixture';

/**
 * The real bundle, except dataset-worker.js: it throws on an import (an uncaught exception in the worker) and exits
 * the worker thread on a split (as a fatal error would end it).
 */
useTestWebServer((scratch) => {
  const bundle = path.join(scratch, 'bundle');
  mkdirSync(bundle);
  for (const entry of ['engine-worker.js', 'insight-worker.js', 'gradient-worker.js', 'chunks'])
    symlinkSync(path.join(REPO, 'out/main', entry), path.join(bundle, entry));
  writeFileSync(
    path.join(bundle, 'dataset-worker.js'),
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.type === 'import') throw new Error('the parser fell over');
  if (m.type === 'prepare') process.exit(70);
});
`,
  );
  return bundle;
});

describe('web host: a failing dataset worker fails one call, never the host', () => {
  it('reports an import whose worker throws as dataset-import, then serves the next call', async () => {
    const ws = await open();
    const csv = path.join(REPO, 'resources/datasets/iris.csv');
    const { fileId } = await services.files.registerPath(csv);
    const reply = await call(ws, 'datasets.import', {
      fileId,
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'dataset-import' } });
    expect(reply.error?.message).toMatch(/the import worker failed \(the parser fell over\)/);
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('fails a run whose split worker exits with code dataset-prepare, then serves the next call', async () => {
    const ws = await open();
    const built = await call(ws, 'datasets.builtin', { name: 'iris' });
    expect(built).toMatchObject({ ok: true });
    const datasetId = (built.result as { id: string }).id;
    const events: RunEvent[] = [];
    const off = services.runs.onEvent((e) => events.push(e));
    const failed = new Promise<RunEvent>((resolve) => {
      services.runs.onEvent((e) => e.type === 'status' && e.status === 'failed' && resolve(e));
    });
    const architecture = { inputSize: 4, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] };
    const started = await call(ws, 'runs.start', {
      datasetId,
      architecture,
      config: { ...QUICK_CONFIG, epochs: 1 },
      split: { validation: 0.2, test: 0.1, normalize: 'zscore', seed: 1, stratify: true },
    });
    expect(started).toMatchObject({ ok: true, result: { status: 'queued' } });
    const runId = (started.result as { id: string }).id;
    await failed;
    off();
    const failure = events.find((e) => e.type === 'failed' && e.runId === runId);
    expect(failure).toMatchObject({ type: 'failed', error: { code: 'dataset-prepare', params: { dataset: datasetId } } });
    const list = await call(ws, 'runs.list', {});
    expect(list).toMatchObject({ ok: true, result: [{ id: runId, status: 'failed' }] });
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  });
});
