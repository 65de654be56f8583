/**
 * Predict as a user fills it, in English and 中文: a row of the loaded dataset, a pasted CSV row (a wrong field count is
 * said and clears once fixed), and a saved model reopened in one click from the recent list.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { PredictPanel } from '../pages/predict-panel';
import { MESSAGES, say, type Language } from '../pages/messages';

for (const language of ['en', 'zh'] as const satisfies readonly Language[]) {
  const m = MESSAGES[language];

  test(`[${language}] use row N, paste a row, reopen a recent model`, async ({ app }, testInfo) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const topBar = new TopBar(app, language);
    const training = new TrainingPanel(app, language);
    const predict = new PredictPanel(app, language);

    await training.setEpochs(2);
    await topBar.train();
    await expect(topBar.status).toHaveClass(/status-done/);
    await predict.open();
    await predict.root.getByRole('button', { name: m['predict.useRun'] }).click();
    await expect(predict.modelName).not.toBeEmpty();

    await predict.useDatasetRow(5);
    await expect(predict.feature('x1')).not.toHaveValue('');
    await expect(predict.feature('x2')).not.toHaveValue('');
    await predict.predict();
    await expect(predict.probabilities).toHaveCount(3);

    await predict.pasteRow('0.25,0.5,0.75,a');
    await expect(predict.problem).toHaveText(say(m, 'predict.pasteCount', { fields: 4, expected: 2 }));
    await predict.pasteRow('0.25;-0.5');
    await expect(predict.problem).toBeHidden();
    await expect(predict.feature('x1')).toHaveValue('0.25');
    await expect(predict.feature('x2')).toHaveValue('-0.5');
    await predict.feature('x2').fill('abc');
    await predict.predict();
    await expect(predict.problem).toBeVisible();
    await predict.feature('x2').fill('0.1');
    await expect(predict.problem).toBeHidden();

    // Recent models are files the desktop app opened from disk; the browser's uploads are temporary and never listed.
    if (testInfo.project.name !== 'electron') return;
    const { name, path: savedPath } = await topBar.saveModel();
    // Under its suggested name (a browser download's own path has none), as a user would keep it.
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-model-')), name);
    copyFileSync(savedPath, saved);
    await predict.openModelFile(saved);
    await expect(predict.modelName).toHaveText(name);
    await app.reload();
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    await predict.open();
    await expect(predict.modelName).toBeHidden();
    await predict.reopenRecent(name);
    await expect(predict.modelName).toHaveText(name);
  });
}
