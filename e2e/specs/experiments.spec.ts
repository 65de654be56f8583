/** The Experiments tab in English and 中文: optimizer paths and init histograms run through the UI and match the CLI's JSON for the same seed. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { ExperimentsView } from '../pages/views/experiments-view';
import { MESSAGES, say } from '../pages/messages';

/** The CLI's summary line of `experiment <name> --seed N --json [--set …]`. */
function cliSummary(name: string, seed: number, set?: string): Record<string, number> {
  const args = [
    path.resolve('out/main/cli.js'),
    'experiment',
    name,
    '--seed',
    String(seed),
    '--json',
    ...(set ? ['--set', set] : []),
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cli exited ${result.status}: ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1]) as { event: string; summary: Record<string, number> };
  if (last.event !== 'summary') throw new Error(`the CLI's last line is not the summary: ${lines[lines.length - 1]}`);
  return last.summary;
}

/** How the UI prints a figure: 6 significant digits. */
const shown = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

const STATUS = { en: 'Completed', zh: '已完成' } as const;

for (const language of ['en', 'zh'] as const) {
  test(`optimizer paths and init histograms run in the Experiments tab and match the CLI (${language})`, async ({ app }) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    if (language === 'zh') await new TopBar(app).chooseLanguage('zh');
    const lab = new ExperimentsView(app, language);
    await lab.open();

    await lab.choose('optimizer-paths');
    await expect(lab.explanation).toContainText(language === 'en' ? 'zig-zag' : '之');
    await lab.setSeed(5);
    await lab.run();
    await expect(lab.status).toHaveText(STATUS[language]);
    await expect(lab.pathsStep).toHaveText('30');
    const paths = cliSummary('optimizer-paths', 5);
    expect(await lab.figureKeys()).toEqual(Object.keys(paths));
    for (const [key, value] of Object.entries(paths)) expect(await lab.figure(key), key).toBe(shown(value));
    expect(Number(await lab.figure('SGD.ySignChanges'))).toBeGreaterThanOrEqual(10);

    await lab.choose('init-activations');
    await lab.setParam('samples', 300);
    await lab.setSeed(9);
    await lab.run();
    await expect(lab.status).toHaveText(STATUS[language]);
    await expect(lab.histograms.getByRole('img')).toHaveCount(30);
    const init = cliSummary('init-activations', 9, 'samples=300');
    expect(await lab.figureKeys()).toEqual(Object.keys(init));
    for (const [key, value] of Object.entries(init)) expect(await lab.figure(key), key).toBe(shown(value));

    await test.info().attach(`experiments-${language}`, { body: await app.screenshot(), contentType: 'image/png' });
  });
}

for (const language of ['en', 'zh'] as const) {
  test(`a hyperparameter-search trial becomes a run in the runs table with "Train this one" (${language})`, async ({ app }) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    if (language === 'zh') await new TopBar(app).chooseLanguage('zh');
    const lab = new ExperimentsView(app, language);
    await lab.open();
    await lab.choose('hyperparameter-search');
    await lab.setParam('trials', 3);
    await lab.setParam('epochs', 3);
    await lab.setParam('units', 10);
    await lab.run();
    await expect(lab.status).toHaveText(STATUS[language]);
    const search = cliSummary('hyperparameter-search', 42, 'trials=3,epochs=3,units=10');
    expect(await lab.figure('bestTrial')).toBe(String(search.bestTrial));
    await lab.trainTrial(say(MESSAGES[language], 'name.trial', { n: search.bestTrial + 1 }));
    await expect(app.getByTestId('dataset-name')).toHaveText(/digits/i);
    await expect(app.getByTestId('run-row')).toHaveCount(1);
  });
}
