/** The import wizard: problems parsed back from the dataset service's own messages, options sent to datasets.import. */
import { describe, expect, it } from 'vitest';

/**
 * Messages as the dataset service's DatasetImportError writes them (src/main/services/datasets/errors.ts, formatProblem).
 * Written out here because that module imports node:path, which the renderer's type project has no types for.
 */
const SERVICE_MESSAGE =
  'bad.csv: 2 problems found, import stopped (choose "drop rows with missing or invalid values" to skip them) — ' +
  'line 7, column "sepal_width": "12abc" (not a number) — expected a number; line 9: "a,b" (ragged row) — expected 5 fields';
import { ImportWizard, parseProblems } from '../../../src/renderer/src/lib/import-wizard.svelte';
import { FakeApi, datasetSummary } from '../fake-api';

describe('parseProblems', () => {
  it('reads line, column, value and expected back from the service message', () => {
    expect(parseProblems(SERVICE_MESSAGE)).toEqual([
      { line: 7, column: 'sepal_width', value: '12abc', expected: 'a number' },
      { line: 9, column: null, value: 'a,b', expected: '5 fields' },
    ]);
  });

  it('keeps quotes inside a value', () => {
    const clause = `line 3, column "x": ${JSON.stringify('say "hi"')} (not a number) — expected a number`;
    expect(parseProblems(clause)[0].value).toBe('say "hi"');
  });

  it('finds nothing in an unrelated message', () => {
    expect(parseProblems('the connection closed')).toEqual([]);
  });
});

describe('ImportWizard', () => {
  const sniff = {
    candidates: [{ delimiter: ',' as const, columns: 3 }], delimiter: ',' as const, ambiguous: false, newline: '\n' as const, header: true,
    headerReason: 'text above numbers', columnNames: ['a', 'b', 'label'], columnTypes: ['numeric' as const, 'numeric' as const, 'text' as const], rows: [['1', '2', 'x']],
  };

  it('sends the chosen label and the remaining feature columns, then closes', async () => {
    const api = new FakeApi({ 'datasets.sniff': () => sniff, 'datasets.import': () => datasetSummary() });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'a.csv', size: 10 });
    wizard.labelColumn = 0;
    wizard.toggleFeature(1, false);
    wizard.options.dropInvalid = true;
    expect(await wizard.import()).not.toBeNull();
    expect(api.called('datasets.import')[0]).toEqual({
      fileId: 'f1',
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: true, labelColumn: 0, featureColumns: [2] },
    });
    expect(wizard.file).toBeNull();
  });

  it('keeps the wizard open with the error and its problems when the import fails', async () => {
    const message = 'bad.csv: 1 problem found, import stopped — line 4, column "b": "oops" (not a number) — expected a number';
    const api = new FakeApi({ 'datasets.sniff': () => sniff, 'datasets.import': () => Promise.reject(new Error(message)) });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'bad.csv', size: 10 });
    expect(await wizard.import()).toBeNull();
    expect(wizard.file?.name).toBe('bad.csv');
    expect(wizard.problems).toEqual([{ line: 4, column: 'b', value: 'oops', expected: 'a number' }]);
  });
});
