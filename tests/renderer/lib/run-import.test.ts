/** RunImport: asks for the model, losses.csv and epochs.csv in turn, imports them, shows the run; a cancel or a refusal is handled. */
import { describe, expect, it } from 'vitest';
import { RunImport } from '../../../src/renderer/src/lib/run-import.svelte';
import { Studio } from '../../../src/renderer/src/lib/studio.svelte';
import { AppError } from '../../../src/shared/errors';
import { FakeApi, runSummary } from '../fake-api';

/** A FakeApi whose file picks answer from `picks` in order (null: the user cancelled). */
function api(picks: (string | null)[], importer: () => unknown) {
  return new FakeApi({
    'files.open': () => {
      const id = picks.shift() ?? null;
      return id === null ? null : { fileId: id, name: `${id}.file`, size: 1 };
    },
    'runs.importPytorch': importer as never,
    'runs.curves': (args) => ({ runId: args.id, loss: [[1, 0.5]], iterationsPerPoint: 1, epochs: [] }),
  });
}

describe('RunImport', () => {
  it('asks for the model then the two CSVs, imports them and shows the new run', async () => {
    const fake = api(['m', 'l', 'e'], () => runSummary({ id: 'run-7', name: 'PyTorch · trained' }));
    const studio = new Studio(fake);
    const importer = new RunImport(fake);
    const steps: unknown[] = [];
    const pending = importer.run(studio);
    steps.push(importer.step);
    await pending;
    expect(steps).toEqual(['model']);
    expect(fake.called('files.open')).toEqual([{ purpose: 'model' }, { purpose: 'dataset' }, { purpose: 'dataset' }]);
    expect(fake.called('runs.importPytorch')).toEqual([{ modelFileId: 'm', lossesFileId: 'l', epochsFileId: 'e' }]);
    expect([importer.done, importer.step, studio.activeRunId]).toEqual(['PyTorch · trained', null, 'run-7']);
  });

  it('stops quietly when a pick is cancelled', async () => {
    const fake = api(['m', null], () => runSummary());
    const importer = new RunImport(fake);
    await importer.run(new Studio(fake));
    expect(fake.called('runs.importPytorch')).toEqual([]);
    expect([importer.done, importer.step]).toEqual([null, null]);
  });

  it("shows a refused import's coded error in the studio", async () => {
    const refusal = new AppError('run-import', 'epochs.csv, row 3, column train_loss: "x" is not a number (or nan/inf)', {
      file: 'epochs.csv',
      row: 3,
      column: 'train_loss',
      value: 'x',
      expected: 'a number (or nan/inf)',
    });
    const fake = api(['m', 'l', 'e'], () => Promise.reject(refusal));
    const studio = new Studio(fake);
    await new RunImport(fake).run(studio);
    expect(studio.error).toBe('Cannot import the run: epochs.csv, row 3, column train_loss: "x" is not a number (or nan/inf)');
  });
});
