/**
 * A steady layout (issue 14 point 2): the top bar stays on one row from 1280 px up (what does not fit goes into its ⋯
 * menu), no pane scrolls sideways in any tab at 1280×720, 1440×900 and 1920×1080 in both themes and languages, before
 * and after a run on a dataset with a long name, and the charts keep their axes at 1280×720. One page: the window is
 * resized and the tabs switched. Screenshots of every tab at the three sizes are kept as test artifacts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from '../fixtures';
import { WindowLayout } from '../pages/window-layout';
import { TopBar } from '../pages/top-bar';
import { DatasetPanel } from '../pages/dataset-panel';
import { TrainingPanel } from '../pages/training-panel';
import { GradientCheckView } from '../pages/views/gradient-check-view';
import { GraphView } from '../pages/views/graph-view';

const SIZES = [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const;
const LONG_NAME = 'greenhouse-sensor-readings-second-laboratory-calibrated-2026-12-02-final.csv';

/** The window as it is (the app fills it: no page scroll to capture), kept in the test's output folder and attached. */
async function keepScreenshot(app: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await app.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

function writeCsv(name: string): string {
  const rows = Array.from({ length: 120 }, (_, i) => `${(i % 11) * 0.7},${(i % 7) * 1.3 - 2},${i % 2 ? 'tomato' : 'cucumber'}`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-layout-')), name);
  writeFileSync(file, ['temperature,humidity,crop', ...rows].join('\n'));
  return file;
}

test('no pane scrolls sideways and the top bar stays one row in every tab, size, theme and language', async ({
  app,
}, testInfo) => {
  test.setTimeout(240_000);
  const layout = new WindowLayout(app);
  const topBar = new TopBar(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  const tabCount = await layout.tabs.count();
  expect(tabCount).toBe(8);
  const found: string[] = [];

  /** Every tab at every size, in both languages and themes; screenshots (English, light) when `shots` is set. */
  const sweep = async (state: string, shots: boolean): Promise<void> => {
    for (const language of ['en', 'zh'] as const) {
      await topBar.chooseLanguage(language);
      for (const mode of ['light', 'dark'] as const) {
        await topBar.chooseTheme(mode);
        // Each tab stays open while the window shrinks (largest size first): its charts must give the room back.
        for (let tab = 0; tab < tabCount; tab++) {
          await layout.openTab(tab);
          for (const [width, height] of [...SIZES].reverse()) {
            await layout.resizeWindow(width, height);
            const where = `${state} · ${language} · ${mode} · ${width}×${height} · tab ${tab + 1}`;
            const measured = await layout.measure();
            for (const p of measured.panes)
              if (p.scrollWidth > p.clientWidth) found.push(`${where}: ${p.pane} ${p.scrollWidth} > ${p.clientWidth}`);
            if (!measured.topBarOneRow) found.push(`${where}: the top bar is not one row (${measured.topBarHeight} px)`);
            if (shots && language === 'en' && mode === 'light')
              await keepScreenshot(app, testInfo, `${state}-${width}x${height}-tab${tab + 1}`);
          }
        }
      }
    }
  };

  const started = Date.now();
  await sweep('no-run', false);
  console.log(`[layout] no-run sweep: ${Date.now() - started} ms`);
  // A dataset with a long name, a finished run, a gradient check and a traced sample: the wider states of the screen.
  const dataset = new DatasetPanel(app);
  await topBar.chooseLanguage('en');
  await dataset.openFile(writeCsv(LONG_NAME));
  await dataset.import();
  await expect(dataset.name).toHaveText(/greenhouse/);
  await new TrainingPanel(app).setEpochs(3);
  await topBar.train();
  await expect(topBar.status).toHaveText(/done/i);
  const gradcheck = new GradientCheckView(app);
  await gradcheck.open();
  await gradcheck.runCheck(2);
  await expect(gradcheck.verdict).toHaveText(/PASS|FAIL/);
  const graph = new GraphView(app);
  await graph.open();
  await graph.switchToNetwork();
  await graph.traceRow(3);
  await graph.showAll();
  const swept = Date.now();
  await sweep('after-run', true);
  console.log(`[layout] after-run sweep with screenshots: ${Date.now() - swept} ms`);
  expect(found).toEqual([]);

  // At 1280×720 the curves keep their axes: every chart is at least its minimum height (the pane scrolls instead).
  await topBar.chooseLanguage('en');
  await layout.resizeWindow(1280, 720);
  await layout.openTab(0);
  for (const chart of await app.getByRole('tabpanel').locator('figure.chart').all()) {
    expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(200);
  }
});

test('the left column and the runs table resize by drag and keys, collapse, and keep all that after a reload', async ({
  app,
}) => {
  const layout = new WindowLayout(app);
  const topBar = new TopBar(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await layout.resizeWindow(1440, 900);
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '286');
  await expect(layout.runsSeparator).toHaveAttribute('aria-valuenow', '150');
  const width = async (): Promise<number> => (await layout.leftColumn.boundingBox())?.width ?? 0;
  const height = async (): Promise<number> => (await layout.runsPane.boundingBox())?.height ?? 0;
  expect(await width()).toBeCloseTo(286, 0);

  // Pointer: the column follows the drag; keys: 16 px a step, the runs table grows upwards.
  await layout.dragSeparator(layout.leftSeparator, 80, 0);
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '366');
  expect(await width()).toBeCloseTo(366, 0);
  await layout.pressOnSeparator(layout.leftSeparator, 'ArrowLeft', 2);
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '334');
  await layout.pressOnSeparator(layout.runsSeparator, 'ArrowUp', 3);
  await expect(layout.runsSeparator).toHaveAttribute('aria-valuenow', '198');
  await layout.dragSeparator(layout.runsSeparator, 0, -40);
  await expect(layout.runsSeparator).toHaveAttribute('aria-valuenow', '238');
  expect(await height()).toBeCloseTo(238, 0);
  await layout.pressOnSeparator(layout.leftSeparator, 'Home');
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '220');
  await layout.pressOnSeparator(layout.leftSeparator, 'ArrowRight', 7);
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '332');

  // Collapse: the runs table by its button, the left column by Enter on its separator.
  await layout.runsToggle.click();
  await expect(layout.runsPane).toBeHidden();
  await expect(layout.runsSeparator).toHaveAttribute('aria-valuenow', '0');
  await layout.pressOnSeparator(layout.leftSeparator, 'Enter');
  await expect(layout.leftColumn).toBeHidden();
  await expect(layout.leftToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(topBar.workspaceStatus).toHaveText('All changes saved');

  await app.reload();
  await expect(topBar.workspaceStatus).toHaveText('All changes saved');
  await expect(layout.leftColumn).toBeHidden();
  await expect(layout.runsPane).toBeHidden();
  await layout.leftToggle.click();
  await layout.runsToggle.click();
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '332');
  await expect(layout.runsSeparator).toHaveAttribute('aria-valuenow', '238');
  expect(await width()).toBeCloseTo(332, 0);
  expect(await height()).toBeCloseTo(238, 0);

  // At its widest in a 1280 px window the column leaves the centre 720 px, and no tab scrolls sideways.
  await layout.resizeWindow(1280, 720);
  await layout.pressOnSeparator(layout.leftSeparator, 'End');
  await expect(layout.leftSeparator).toHaveAttribute('aria-valuenow', '560');
  const wide: string[] = [];
  for (let tab = 0; tab < (await layout.tabs.count()); tab++) {
    await layout.openTab(tab);
    for (const p of (await layout.measure()).panes)
      if (p.scrollWidth > p.clientWidth) wide.push(`tab ${tab + 1}: ${p.pane} ${p.scrollWidth} > ${p.clientWidth}`);
  }
  expect(wide).toEqual([]);
});

test('at 1280 px with a run, what does not fit is in the ⋯ menu, which the keyboard opens and closes (English and 中文)', async ({
  app,
}) => {
  const layout = new WindowLayout(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await layout.resizeWindow(1280, 720);
  // With a run, its numbers take the room the view settings and model actions had.
  await new TrainingPanel(app).setEpochs(2);
  await new TopBar(app).train();
  await expect(new TopBar(app).status).toHaveText(/done/i);
  for (const language of ['en', 'zh'] as const) {
    const topBar = new TopBar(app, language);
    await topBar.chooseLanguage(language);
    await app.keyboard.press('Escape');
    await expect(topBar.moreButton).toHaveAttribute('aria-expanded', 'false');
    await expect(topBar.moreButton).toHaveAccessibleName(language === 'en' ? 'More controls' : '更多控件');
    await expect(topBar.languageSelect).toBeHidden();
    await topBar.moreButton.focus();
    await app.keyboard.press('Enter');
    await expect(topBar.moreButton).toHaveAttribute('aria-expanded', 'true');
    await expect(topBar.menu).toBeVisible();
    await expect(topBar.menu.locator(':focus')).toHaveCount(1);
    await expect(topBar.languageSelect).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(topBar.menu).toBeHidden();
    await expect(topBar.moreButton).toBeFocused();
  }
  // Wide enough, everything is on the bar and there is no menu.
  await layout.resizeWindow(1920, 1080);
  const topBar = new TopBar(app, 'zh');
  await expect(topBar.moreButton).toHaveCount(0);
  await expect(topBar.languageSelect).toBeVisible();
});
