/** The gradient-check tab: run a check on the default spiral network, see its plots, and match the CLI's report. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { test, expect } from '../../fixtures';
import { attachScreenshot } from './screenshot';
import { GradientCheckView } from '../../pages/views/gradient-check-view';
import { GraphView } from '../../pages/views/graph-view';
import { TopBar } from '../../pages/top-bar';

const run = promisify(execFile);

test('a gradient check of the default network passes and plots its errors per parameter', async ({ app }, testInfo) => {
  const view = new GradientCheckView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await view.open();
  await view.runCheck(3);
  await expect(view.verdict).toHaveText('PASS');
  await expect(view.table.locator('tbody tr')).toHaveCount(6);
  await expect(view.chart).toHaveAttribute('data-params', '6');
  await view.selectParameter('layers.2.W');
  await expect(view.heatmap).toHaveAttribute('data-rows', '16');
  await expect(view.heatmap).toHaveAttribute('data-cols', '16');
  await expect(view.histogram).toHaveAttribute('data-total', /^[1-9]\d*$/);
  await expect(view.worst.locator('tbody tr')).toHaveCount(8);
  await attachScreenshot(app, testInfo, 'gradient-check');

  // The check and the chosen parameter stay when the tab is left and reopened, and through a language switch.
  await new GraphView(app).open();
  await expect(view.verdict).toHaveCount(0);
  await view.open();
  await expect(view.verdict).toHaveText('PASS');
  await expect(view.parameterButton('layers.2.W')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.parameterButton('layers.2.W')).toHaveText('L3.W'); // numbered from 1, as the editor shows the layer
  const topBar = new TopBar(app);
  await topBar.chooseLanguage('zh');
  const zhView = new GradientCheckView(app, '梯度检验');
  await expect(zhView.verdict).toHaveText('通过');
  await expect(zhView.chart).toHaveAttribute('data-legend', /最大相对误差/);
  await topBar.chooseLanguage('en');
  await expect(view.chart).toHaveAttribute('data-legend', /Max rel error/);
});

test('the figures shown equal the CLI gradcheck --json report for the same model, data and seed', async ({ app }) => {
  test.skip(!existsSync('out/main/cli.js'), 'out/main/cli.js is not built');
  const view = new GradientCheckView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  // The CLI's --seed seeds the built-in generator, the split and the weights; the app's spiral is generated with seed 0.
  const seed = app.getByLabel('Seed', { exact: true });
  await seed.fill('0');
  await seed.blur();
  await view.open();
  await view.runCheck(3);
  await expect(view.verdict).toHaveText(/PASS|FAIL/);
  const shown = await view.figures();
  const args = [
    'out/main/cli.js',
    'gradcheck',
    '--data',
    'builtin:spiral',
    '--hidden',
    '16,16',
    '--val',
    '0',
    '--test',
    '0',
    '--normalize',
    'none',
    '--samples',
    '3',
    '--seed',
    '0',
    '--json',
  ];
  const { stdout } = await run('node', args).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    params: { name: string; maxRel: number; meanAbs: number }[];
  };
  const expected = Object.fromEntries(
    report.params.map((p) => [p.name, { maxRel: p.maxRel.toExponential(2), meanAbs: p.meanAbs.toExponential(2) }]),
  );
  expect(shown).toEqual(expected);
});
