/** A refused experiment start carries a stable code and its parameters (worded by the catalogs), before any worker starts. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExperimentService } from '../../../../src/main/services/experiments/service';
import { DatasetService } from '../../../../src/main/services/datasets/service';
import { AppError } from '../../../../src/shared/errors';
import type { ExperimentStartRequest } from '../../../../src/shared/api/experiments';

const dir = mkdtempSync(join(tmpdir(), 'experiment-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The code and params of the AppError `start` rejects with. */
async function refusal(service: ExperimentService, request: ExperimentStartRequest) {
  const error = await service.start(request).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, params: error.params };
}

describe('ExperimentService.start refusals', () => {
  // No worker is ever started: every refusal comes before the first cell (the path does not exist).
  const datasets = new DatasetService({ inThread: true });
  const service = new ExperimentService({ workerPath: join(dir, 'no-worker.js'), datasets, resourcesDir: join(dir, 'none') });

  it('an unknown experiment names the known ones', async () => {
    const r = await refusal(service, { name: 'nope' as never, seed: 1 });
    expect(r.code).toBe('experiment-unknown');
    expect(r.params).toMatchObject({ name: 'nope' });
    expect(String(r.params.known)).toContain('optimizer-paths, optimizer-comparison');
  });

  it('an unknown parameter, a value out of range and a fraction for an integer each have their code', async () => {
    expect(await refusal(service, { name: 'optimizer-paths', seed: 1, params: { stepz: 3 } })).toEqual({
      code: 'experiment-parameter-unknown',
      params: {
        experiment: 'optimizer-paths',
        parameter: 'stepz',
        known: 'steps, startX, startY, lrSgd, lrMomentum, lrAdagrad, lrAdam',
      },
    });
    expect(await refusal(service, { name: 'overfitting', seed: 1, params: { dropout: 0.99 } })).toEqual({
      code: 'experiment-parameter-invalid',
      params: { experiment: 'overfitting', parameter: 'dropout', value: '0.99', min: 0, max: 0.95 },
    });
    expect(await refusal(service, { name: 'overfitting', seed: 1, params: { epochs: 2.5 } })).toEqual({
      code: 'experiment-parameter-integer',
      params: { experiment: 'overfitting', parameter: 'epochs', value: '2.5', min: 1, max: 5000 },
    });
  });

  it('a dataset id that is not loaded, and builtin:digits without its file, are missing datasets', async () => {
    expect(await refusal(service, { name: 'overfitting', seed: 1, datasetId: 'ds-404' })).toEqual({
      code: 'experiment-dataset-missing',
      params: { dataset: 'ds-404' },
    });
    expect(await refusal(service, { name: 'overfitting', seed: 1 })).toEqual({
      code: 'experiment-dataset-missing',
      params: { dataset: 'builtin:digits' },
    });
  });

  it('a regression dataset is refused: the experiments classify', async () => {
    const csv = join(dir, 'prices.csv');
    writeFileSync(csv, `size,price\n${Array.from({ length: 40 }, (_, i) => `${i},${i * 2.5}`).join('\n')}\n`);
    const summary = await datasets.import({ kind: 'csv', path: csv }, { labelColumn: 'price', task: 'regression' });
    expect(await refusal(service, { name: 'overfitting', seed: 1, datasetId: summary.id })).toEqual({
      code: 'experiment-dataset-regression',
      params: { dataset: summary.name },
    });
  });
});
