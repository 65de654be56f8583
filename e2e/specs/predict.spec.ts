/** Predicting with a trained run: typed feature values give class probabilities summing to 1, and a CSV gives one prediction per row. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { PredictPanel } from '../pages/predict-panel';
import { attachScreenshot } from './views/screenshot';

function writeCsv(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-predict-')), name);
  writeFileSync(file, text);
  return file;
}

test('a briefly trained spiral run predicts typed values and a CSV file', async ({ app }, testInfo) => {
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  const predict = new PredictPanel(app);

  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await training.setEpochs(5);
  await topBar.train();
  await expect(topBar.status).toHaveText(/done/i);

  await predict.open();
  await predict.useSelectedRun();
  await expect(predict.modelName).not.toBeEmpty();

  await predict.fillFeature('x1', '0.3');
  await predict.fillFeature('x2', 'abc');
  await predict.predict();
  await expect(predict.problem).toContainText('x2');

  await predict.fillFeature('x2', '-0.2');
  await predict.predict();
  await expect(predict.probabilities).toHaveCount(3);
  const probabilities = await predict.probabilityValues();
  expect(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
  await expect(predict.predictedRow).toHaveCount(1);
  await expect(predict.predicted).toContainText('Predicted');

  await predict.predictCsv(writeCsv('points.csv', 'x1,x2\n0,0\n0.5,0.5\n-0.5,0.2\n0.1,-0.7\n0.9,0.9\n'));
  await expect(predict.fileRows).toHaveCount(5);
  const saved = await predict.saveCsv();
  expect(saved.name).toBe('predictions-points.csv');
  expect(readFileSync(saved.path, 'utf8').trim().split(/\r?\n/)).toHaveLength(6);
  await predict.fileRows.last().scrollIntoViewIfNeeded();
  await attachScreenshot(app, testInfo, 'predict');
});
