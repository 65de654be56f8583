/** Importing CSVs through the wizard: the file picker, drag-and-drop, the live preview, statistics, and a bad file's error. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { DatasetPanel } from '../pages/dataset-panel';
import { ArchitecturePanel } from '../pages/architecture-panel';

function writeCsv(name: string, text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-csv-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const GOOD = [
  'length,width,height,species',
  ...Array.from(
    { length: 60 },
    (_, i) => `${(i % 7) + 0.5},${(i % 5) * 1.5},${i / 10},${i % 3 === 0 ? 'setosa' : i % 3 === 1 ? 'virginica' : 'versicolor'}`,
  ),
].join('\n');
const BAD = 'a,b,label\n1,2,x\n3,4,y\n5,12abc,x\n7,8,y\n';

test('a CSV opened with the file picker imports through the wizard and fits the architecture', async ({ app }) => {
  const dataset = new DatasetPanel(app);
  const architecture = new ArchitecturePanel(app);
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.openFile(writeCsv('flowers.csv', GOOD));
  await expect(dataset.preview).toContainText('species');
  await expect(dataset.preview.getByRole('row')).toHaveCount(26);
  await test.info().attach('import-wizard', { body: await app.screenshot(), contentType: 'image/png' });
  await dataset.import();

  await expect(dataset.name).toHaveText(/flowers/);
  await expect(dataset.shape).toContainText('60 rows · 3 features · 3 classes');
  await expect(architecture.root.getByText('Input: 3 features')).toBeVisible();
  await expect(architecture.errors).toHaveCount(0);
  await dataset.showColumnStatistics();
  await expect(dataset.columnStats.getByRole('row', { name: /length/ })).toContainText('6.50');
});

test('a bad CSV shows its error with line, column and value, and importing with "drop invalid rows" succeeds', async ({
  app,
}) => {
  const dataset = new DatasetPanel(app);
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.dropFile(writeCsv('broken.csv', BAD));
  await expect(dataset.preview).toContainText('12abc');
  await dataset.import();

  await expect(dataset.importError).toContainText('line 4');
  const problem = dataset.problems.getByRole('row').nth(1);
  await expect(problem).toContainText('4');
  await expect(problem).toContainText('b');
  await expect(problem).toContainText('12abc');
  await test.info().attach('import-error', { body: await app.screenshot(), contentType: 'image/png' });

  await dataset.setDropInvalidRows(true);
  await dataset.import();
  await expect(dataset.name).toHaveText(/broken/);
  await expect(dataset.shape).toContainText('3 rows');
  await expect(dataset.shape).toContainText('1 row(s) dropped');
});
