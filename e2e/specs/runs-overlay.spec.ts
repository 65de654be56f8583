/** Two runs training at once: both overlaid in the charts, the window still answers clicks at once, copy config and delete. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { CurvesPanel } from '../pages/curves-panel';
import { RunsTable } from '../pages/runs-table';

// Tracing snapshots every DOM change inside the page, which would itself slow the clicks being measured.
test.use({ trace: 'off' });

test('two concurrent runs are overlaid, the UI stays responsive, and runs can be copied and deleted', async ({ app }) => {
  test.slow(); // two trainings share the machine's cores with the browser and the host
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  const curves = new CurvesPanel(app);
  const runs = new RunsTable(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);

  await training.setEpochs(20000);
  await topBar.train();
  await expect(runs.rows).toHaveCount(1);
  await expect(topBar.status).toHaveText(/running/);
  await training.setLearningRate('0.003');
  await topBar.train();
  await expect(runs.rows).toHaveCount(2);
  await expect(runs.rows.getByTestId('run-row-status')).toHaveText([/running/, /running/]);

  await runs.overlay('run-1');
  await expect.poll(() => curves.seriesCount()).toBe(2);

  // Click latency while both runs train: from a queued task, through the click, until Svelte has updated the chart's
  // DOM (the overlay checkbox adds or removes a series), 20 times.
  const delays = await app.evaluate(async () => {
    const box = document.querySelector<HTMLInputElement>('input[aria-label="Overlay run-1"]');
    const chart = document.querySelector<HTMLElement>('[data-testid="loss-chart"]');
    if (!box || !chart) throw new Error('the overlay checkbox or the loss chart is missing');
    const out: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = chart.dataset.series;
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 0));
      box.click();
      while (chart.dataset.series === before) await new Promise((resolve) => setTimeout(resolve, 0));
      out.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return out.sort((a, b) => a - b);
  });
  const p95 = delays[Math.ceil(delays.length * 0.95) - 1];
  test.info().annotations.push({ type: 'click p95 (ms)', description: p95.toFixed(1) });
  expect(p95).toBeLessThan(100);
  await test.info().attach('two-runs', { body: await app.screenshot(), contentType: 'image/png' });

  await topBar.stop();
  await runs.select('run-1');
  await topBar.stop();
  await expect(runs.rows.getByTestId('run-row-status')).toHaveText([/stopped/, /stopped/]);

  await runs.copyConfig('run-2');
  await expect(training.learningRate).toHaveValue('0.003');
  await runs.delete('run-1');
  await expect(runs.rows).toHaveCount(1);
});
