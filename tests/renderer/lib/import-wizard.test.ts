/** The import wizard: every option change re-reads the head, the task outcome follows the label, problems come from the error's params. */
import { describe, expect, it } from 'vitest';
import { ImportWizard, problemsOf } from '../../../src/renderer/src/lib/import-wizard.svelte';
import { AppError } from '../../../src/shared/errors';
import type { CsvSniff } from '../../../src/shared/datasets';
import { FakeApi, datasetSummary } from '../fake-api';

const sniff: CsvSniff = {
  candidates: [{ delimiter: ',', columns: 3 }],
  delimiter: ',',
  ambiguous: false,
  newline: '\n',
  header: true,
  headerReason: 'text above numbers',
  headerBasis: 'text-above-number',
  headerClash: 'a',
  columnNames: ['a', 'b', 'label'],
  columnTypes: ['numeric', 'numeric', 'text'],
  rows: [['1', '2', 'x']],
  rowLines: [2],
  width: 3,
  skipSuggestion: null,
  labels: [{ task: 'regression' }, { task: 'classification', classes: 4 }, { task: 'classification', classes: 2 }],
  sampledRows: 1,
  complete: true,
};
const problem = { line: 4, column: 'b', value: 'oops', expected: 'a number', reason: 'not a number' as const };

describe('problemsOf', () => {
  it("takes the problems from a dataset-import error's params", () => {
    expect(problemsOf(new AppError('dataset-import', 'bad.csv: …', { problems: [problem], totalProblems: 1 }))).toEqual([
      problem,
    ]);
  });

  it('finds none in another error, even one whose message lists problems', () => {
    expect(problemsOf(new Error('line 4, column "b": "oops" (not a number) — expected a number'))).toEqual([]);
    expect(problemsOf(new AppError('failed', 'x', { problems: [problem] }))).toEqual([]);
  });
});

describe('ImportWizard', () => {
  it('re-reads the head with the delimiter, header and skipped lines on every change', async () => {
    const api = new FakeApi({ 'datasets.sniff': () => sniff });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'a.csv', size: 10 });
    await wizard.setSkipLines(1);
    await wizard.setHeader('no');
    await wizard.setDelimiter(';');
    expect(api.called('datasets.sniff')).toEqual([
      { fileId: 'f1', options: { header: 'auto', skipLines: 0 } },
      { fileId: 'f1', options: { header: 'auto', skipLines: 1 } },
      { fileId: 'f1', options: { header: 'no', skipLines: 1 } },
      { fileId: 'f1', options: { header: 'no', skipLines: 1, delimiter: ';' } },
    ]);
  });

  it('re-reads the head with the quote character and imports with it', async () => {
    const api = new FakeApi({ 'datasets.sniff': () => sniff, 'datasets.import': () => datasetSummary() });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'a.csv', size: 10 });
    await wizard.setQuote("'");
    await wizard.setQuote('none');
    expect(api.called('datasets.sniff').slice(1)).toEqual([
      { fileId: 'f1', options: { header: 'auto', skipLines: 0, quote: "'" } },
      { fileId: 'f1', options: { header: 'auto', skipLines: 0, quote: 'none' } },
    ]);
    await wizard.import();
    expect(api.called('datasets.import')[0]).toMatchObject({ fileId: 'f1', options: { quote: 'none' } });
  });

  it('accepts the skip-line suggestion and guesses the header again', async () => {
    const api = new FakeApi({
      'datasets.sniff': (args) => ({
        ...sniff,
        skipSuggestion: args.options?.skipLines ? null : { lines: 1, firstFields: 2, fields: 3 },
      }),
    });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'a.csv', size: 10 });
    wizard.options.header = 'no';
    await wizard.acceptSkipSuggestion();
    expect(wizard.options).toMatchObject({ skipLines: 1, header: 'auto' });
    expect(wizard.sniff?.skipSuggestion).toBeNull();
  });

  it('says what the chosen label gives: classes from the head, or the task the user forces', async () => {
    const wizard = new ImportWizard(new FakeApi({ 'datasets.sniff': () => sniff }));
    await wizard.open({ fileId: 'f1', name: 'a.csv', size: 10 });
    expect(wizard.outcome).toEqual({ task: 'classification', classes: 2 });
    wizard.labelColumn = 0;
    expect(wizard.outcome).toEqual({ task: 'regression' });
    wizard.labelColumn = 1;
    wizard.options.task = 'regression';
    expect(wizard.outcome).toEqual({ task: 'regression' });
  });

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

  it('keeps the wizard open with the error and its structured problems when the import fails', async () => {
    const error = new AppError('dataset-import', 'bad.csv: 1 problem found', {
      file: 'bad.csv',
      problems: [problem],
      totalProblems: 1,
    });
    const api = new FakeApi({ 'datasets.sniff': () => sniff, 'datasets.import': () => Promise.reject(error) });
    const wizard = new ImportWizard(api);
    await wizard.open({ fileId: 'f1', name: 'bad.csv', size: 10 });
    expect(await wizard.import()).toBeNull();
    expect(wizard.file?.name).toBe('bad.csv');
    expect(wizard.problems).toEqual([problem]);
  });
});
