/**
 * Nothing is lost: edit the dataset (an imported CSV), the architecture, the training settings, train runs, overlay one,
 * pick a tab, a theme and a language; reload the page, then restart the web host on the same user-data folder, and
 * find all of it back — including the runs' weights (the Confusion view evaluates a restored run). The runs train on
 * two threads (Adam's state split between them), so their checkpoints and weights come from the data-parallel path.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import type { Page } from '@playwright/test';
import { startWebHost, type RunningWebHost } from '../support/web-host';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { ArchitecturePanel } from '../pages/architecture-panel';
import { DatasetPanel } from '../pages/dataset-panel';
import { RunsTable } from '../pages/runs-table';
import { CurvesPanel } from '../pages/curves-panel';
import { ConfusionView } from '../pages/views/confusion-view';

const FLOWERS = [
  'length,width,species',
  ...Array.from(
    { length: 90 },
    (_, i) => `${(i % 9) + (i % 3) * 3},${(i % 4) + (i % 3) * 2.5},${['setosa', 'virginica', 'versicolor'][i % 3]}`,
  ),
].join('\n');

function writeCsv(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-restore-')), 'flowers.csv');
  writeFileSync(file, FLOWERS);
  return file;
}

/** What the user set up, read from the page (in English: the switch is set back to English first). */
async function readWorkspace(page: Page) {
  const topBar = new TopBar(page);
  const runs = new RunsTable(page);
  return {
    dataset: await new DatasetPanel(page).name.textContent(),
    units: await new ArchitecturePanel(page).layers.nth(0).getByRole('textbox', { name: 'Units' }).inputValue(),
    epochs: await new TrainingPanel(page).root.getByRole('textbox', { name: 'Epochs', exact: true }).inputValue(),
    learningRate: await new TrainingPanel(page).learningRate.inputValue(),
    optimizer: await new TrainingPanel(page).root.getByRole('combobox', { name: 'Optimizer' }).inputValue(),
    threads: await new TrainingPanel(page).root.getByRole('combobox', { name: 'Threads per run', exact: true }).inputValue(),
    runs: await runs.rows.getByTestId('run-row-status').allTextContents(),
    colours: [await runs.colour('run-1'), await runs.colour('run-2')],
    overlaid: await runs.root.getByRole('checkbox', { name: 'Overlay run-1', exact: true }).isChecked(),
    active: await runs.row('run-2').getAttribute('aria-selected'),
    theme: await page.locator('html').getAttribute('data-theme'),
    disk: await runs.diskTotal.textContent(),
    status: await topBar.status.textContent(),
  };
}

for (const language of ['en', 'zh'] as const) {
  test(`the workspace comes back after a reload and a restart (${language})`, async ({ page }, testInfo) => {
    // The journey stops and restarts the web host itself; the desktop app keeps its workspace the same way (same services).
    test.skip(testInfo.project.name !== 'web', 'drives the web host (reload and restart)');
    test.slow(); // two short trainings, a reload and a host restart
    let host: RunningWebHost = await startWebHost();
    try {
      await page.goto(host.url);
      const topBar = new TopBar(page);
      const dataset = new DatasetPanel(page);
      const architecture = new ArchitecturePanel(page);
      const training = new TrainingPanel(page);
      const runs = new RunsTable(page);
      await expect(dataset.name).toHaveText(/spiral/i);

      await dataset.openFile(writeCsv());
      await expect(dataset.preview).toContainText('species');
      await dataset.import();
      await expect(dataset.name).toHaveText(/flowers/);
      await architecture.setUnits(1, '12');
      await training.chooseOptimizer('adam');
      // Both runs split each batch across two threads, each updating its own half of the weights and of Adam's state.
      await training.chooseThreads('2');
      await training.setLearningRate('0.02');
      await training.setEpochs(3);
      await topBar.train();
      await expect(runs.rows.getByTestId('run-row-status')).toHaveText([/done/]);
      await training.setEpochs(20000); // long enough to be stopped by hand
      await topBar.train();
      await expect(topBar.status).toHaveText(/running/);
      await topBar.stop();
      await expect(runs.rows.getByTestId('run-row-status')).toHaveText([/done/, /stopped/]);
      await runs.overlay('run-1');
      await expect(runs.diskTotal).not.toHaveText(/: 0 B/);
      await page.getByRole('tab', { name: 'Confusion' }).click();
      await topBar.chooseTheme('dark');
      await topBar.chooseLanguage(language === 'en' ? 'zh' : 'en');
      await topBar.chooseLanguage(language);
      const before = await (async () => {
        await topBar.chooseLanguage('en');
        const read = await readWorkspace(page);
        await topBar.chooseLanguage(language);
        return read;
      })();
      expect(before.runs).toEqual(['done', 'stopped']);
      expect(before.threads).toBe('2');
      await expect(topBar.workspaceStatus).toHaveText(language === 'en' ? 'All changes saved' : '所有更改已保存');

      const expectRestored = async () => {
        await expect(page.locator('html')).toHaveAttribute('lang', language === 'en' ? 'en' : 'zh-CN');
        await expect(page.getByRole('tab', { selected: true })).toHaveText(language === 'en' ? 'Confusion' : '混淆矩阵');
        await topBar.chooseLanguage('en');
        await expect(dataset.name).toHaveText(/flowers/);
        await expect(runs.rows).toHaveCount(2);
        await expect(architecture.undoButton).toBeDisabled();
        expect(await readWorkspace(page)).toEqual(before);
        const confusion = new ConfusionView(page);
        await confusion.evaluate('validation'); // the restored run-2's weights, on the re-imported CSV
        await expect(confusion.matrix).toBeVisible();
        expect(await confusion.total()).toBe(18);
        await page.getByRole('tab', { name: 'Curves' }).click();
        await expect.poll(() => new CurvesPanel(page).seriesCount()).toBe(2);
        await topBar.chooseLanguage(language);
        await page.getByRole('tab', { name: language === 'en' ? 'Confusion' : '混淆矩阵' }).click();
        await expect(topBar.workspaceStatus).toHaveText(language === 'en' ? 'All changes saved' : '所有更改已保存');
      };

      await page.reload();
      await expectRestored();

      await host.stop();
      host = await startWebHost({ userData: host.userData });
      await page.goto(host.url);
      await expectRestored();
      const runsDir = path.join(host.userData, 'runs');
      expect(
        readdirSync(runsDir)
          .filter((f) => f.endsWith('.safetensors'))
          .sort(),
      ).toEqual(['run-1.safetensors', 'run-2.safetensors']);
      expect(readdirSync(path.join(runsDir, 'run-1')).length).toBeGreaterThan(0); // its epoch checkpoints
    } finally {
      await host.stop();
    }
  });
}
