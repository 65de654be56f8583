/**
 * Runs from elsewhere, in English and 中文: two cells of the optimizer comparison are added to the run history from the
 * Experiments tab (named in the page's language), listed as finished runs with their model files on disk and the rate
 * their training took, overlaid in the Curves tab, and one is saved as a model file.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { CurvesPanel } from '../pages/curves-panel';
import { RunHistory } from '../pages/run-history';
import { MESSAGES } from '../pages/messages';
import { ExperimentsView } from '../pages/views/experiments-view';

const STATUS = { en: 'Completed', zh: '已完成' } as const;

for (const language of ['en', 'zh'] as const) {
  test(`optimizer-comparison cells become runs: listed, overlaid and saved (${language})`, async ({ app }) => {
    const m = MESSAGES[language];
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    const top = new TopBar(app, language);
    if (language === 'zh') await new TopBar(app).chooseLanguage('zh');
    const lab = new ExperimentsView(app, language);
    await lab.open();
    await lab.choose('optimizer-comparison');
    await lab.setParam('iterations', 40);
    await lab.setParam('hidden', 2);
    await lab.setParam('units', 10);
    await lab.run();
    await expect(lab.status).toHaveText(STATUS[language]);

    const adam = `${m['experiments.name.optimizer-comparison']} · Adam`;
    const sgd = `${m['experiments.name.optimizer-comparison']} · SGD`;
    const runs = new RunHistory(app, language);
    await expect(runs.rows).toHaveCount(0); // an experiment's cells stay in the tab until one is added
    await lab.addToRuns('Adam');
    await expect(lab.addedNotice).toContainText(adam);
    await lab.addToRuns('SGD');
    await expect(runs.rows).toHaveCount(2);
    await expect(runs.status(adam)).toHaveText(m['status.done']);
    await expect(runs.disk(sgd)).toHaveText(/\d.*B/); // its model file is kept by the workspace

    await runs.show(adam);
    // The kept cell's rate comes from the time its training took (not the 0 samples/s of an unmeasured run).
    await expect(top.numbers).toHaveText(/ · [1-9]\d* \S+\s*$/);
    await runs.overlay(sgd);
    const curves = new CurvesPanel(app, m['tab.curves']);
    await app.getByRole('tab', { name: m['tab.curves'], exact: true }).click();
    await expect(curves.lossChart).toHaveAttribute('data-series', '2');
    expect(await curves.pointCount()).toBeGreaterThanOrEqual(40);

    const saved = await top.saveModel();
    expect(saved.name).toMatch(/\.safetensors$/);
    const bytes = readFileSync(saved.path);
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(header)).toContain('__metadata__');
  });
}
