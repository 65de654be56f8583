/**
 * The import wizard as a new user meets it, in English and 中文: a scikit-learn CSV whose first line is metadata,
 * the skip-1-line suggestion, the label and the task it gives, training; a bad CSV whose problem rows jump to their
 * cells; semicolon, tab and quoted-newline files; a 60,000-row file previewed from its head.
 */
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { DatasetPanel } from '../pages/dataset-panel';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { MESSAGES, say, type Language } from '../pages/messages';

function writeCsv(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-wizard-')), name);
  writeFileSync(file, text);
  return file;
}

/** Debian's copy of scikit-learn's wine data (`178,13,class_0,class_1,class_2`, then 178 rows), else one written like it. */
function wineCsv(): string {
  const debian = '/usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv';
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-wine-')), 'wine_data.csv');
  if (existsSync(debian)) copyFileSync(debian, file);
  else {
    const rows = Array.from({ length: 178 }, (_, i) =>
      [...Array.from({ length: 13 }, (_, j) => ((i * 7 + j) % 11) + 0.5), Math.floor((i * 3) / 178)].join(','),
    );
    writeFileSync(file, ['178,13,class_0,class_1,class_2', ...rows].join('\n') + '\n');
  }
  return file;
}

for (const language of ['en', 'zh'] as const satisfies readonly Language[]) {
  const m = MESSAGES[language];

  test(`[${language}] a scikit-learn CSV with a metadata line: skip 1 line, pick the last column, 3 classes, train`, async ({
    app,
  }) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const topBar = new TopBar(app, language);
    const dataset = new DatasetPanel(app, language);
    const training = new TrainingPanel(app, language);

    await dataset.openFile(wineCsv());
    await expect(dataset.skipSuggestion).toContainText(say(m, 'wizard.skip.reason', { first: 5, fields: 14 }));
    await expect(dataset.preview.getByRole('columnheader')).toHaveCount(15);
    await test.info().attach(`wizard-metadata-${language}`, { body: await app.screenshot(), contentType: 'image/png' });

    await dataset.acceptSkipSuggestion();
    await expect(dataset.skipSuggestion).toBeHidden();
    await expect(dataset.headerBasis).toHaveText(m['wizard.headerBasis.looksLikeData']);
    await expect(dataset.preview.getByRole('row')).toHaveCount(26);
    await dataset.chooseLabelColumn(say(m, 'name.column', { n: 1 }));
    await expect(dataset.taskOutcome).toHaveText(m['wizard.outcome.regression']);
    await dataset.chooseLabelColumn(say(m, 'name.column', { n: 14 }));
    await expect(dataset.taskOutcome).toHaveText(say(m, 'wizard.outcome.classes', { classes: 3 }));
    await test.info().attach(`wizard-skipped-${language}`, { body: await app.screenshot(), contentType: 'image/png' });

    await dataset.import();
    await expect(dataset.wizard).toBeHidden();
    await expect(dataset.name).toHaveText('wine_data');
    await expect(dataset.builtinSelect).toHaveValue('');
    await training.setEpochs(3);
    await topBar.train();
    await expect(topBar.status).toHaveClass(/status-done/);
  });

  test(`[${language}] a bad CSV: the invalid cell is highlighted and its problem row jumps to it`, async ({ app }) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const dataset = new DatasetPanel(app, language);

    const rows = Array.from({ length: 40 }, (_, i) => (i === 33 ? `${i},12abc,${i % 2}` : `${i},${i * 2},${i % 2}`));
    await dataset.openFile(writeCsv('broken.csv', ['a,b,label', ...rows].join('\n')));
    await dataset.import();
    await expect(dataset.importError).toBeVisible();
    await expect(dataset.invalidCells).toHaveCount(1);
    await expect(dataset.problems.getByRole('row').nth(1)).toContainText(m['wizard.reason.notANumber']);
    await dataset.jumpToProblem(0);
    await expect(dataset.previewCell('12abc')).toBeFocused();
    await expect(dataset.previewCell('12abc')).toBeInViewport();
    await test.info().attach(`wizard-problem-${language}`, { body: await app.screenshot(), contentType: 'image/png' });
  });
}

test('semicolon, tab and quoted-newline files preview every column; a 60,000-row file previews its head', async ({ app }) => {
  const dataset = new DatasetPanel(app);
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.openFile(writeCsv('semi.csv', 'p;q;r;s\n1,5;2;3;a\n4;5;6;b\n7;8;9;a\n'));
  await expect(dataset.preview.getByRole('columnheader')).toHaveCount(5);
  await expect(dataset.previewCell('1,5')).toBeVisible();
  await dataset.chooseDelimiter(',');
  await expect(dataset.preview.getByRole('columnheader')).toHaveCount(3);
  await dataset.chooseDelimiter(';');
  await dataset.chooseHeader('no');
  await expect(dataset.previewCell('p')).toBeVisible();
  await dataset.wizard.getByRole('button', { name: 'Cancel' }).click();

  await dataset.openFile(writeCsv('tabs.tsv', 'x\ty\tlabel\n1\t2\ta\n3\t4\tb\n'));
  await expect(dataset.preview.getByRole('columnheader')).toHaveCount(4);
  await dataset.wizard.getByRole('button', { name: 'Cancel' }).click();

  await dataset.openFile(writeCsv('quoted.csv', 'note,x,label\n"two\nlines",1,a\n"plain",2,b\n"3rd",3,a\n'));
  await expect(dataset.preview.getByRole('row')).toHaveCount(4);
  await expect(dataset.preview.getByRole('rowheader')).toHaveText(['2', '4', '5']);
  await dataset.wizard.getByRole('button', { name: 'Cancel' }).click();

  const big = [
    'f1,f2,f3,label',
    ...Array.from({ length: 60_000 }, (_, i) => `${i % 97},${(i * 7) % 13},${i / 1000},${i % 4}`),
  ].join('\n');
  await dataset.openFile(writeCsv('big.csv', big));
  await expect(dataset.preview.getByRole('row')).toHaveCount(26);
  await expect(dataset.taskOutcome).toContainText(say(MESSAGES.en, 'wizard.outcome.classes', { classes: 4 }));
  await dataset.import();
  await expect(dataset.shape).toContainText('60000 rows');
});
