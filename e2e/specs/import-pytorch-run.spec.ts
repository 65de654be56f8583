/**
 * Runs → Import PyTorch run…, in English and 中文: a spiral run trained here is exported as a PyTorch project, its
 * train.py runs for two epochs (Debian's python3 with torch; skipped with the reason where it is absent), and the
 * folder it wrote is imported back as a run, with the samples/s train.py measured, that overlays the original in the
 * Curves tab.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { CurvesPanel } from '../pages/curves-panel';
import { RunHistory } from '../pages/run-history';
import { MESSAGES } from '../pages/messages';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
const NO_TORCH =
  probe.status === 0 ? null : `${PYTHON} cannot import torch and numpy: ${probe.error?.message ?? probe.stderr.trim()}`;

/** Unzip the exported project and run its train.py for `epochs` epochs; returns train.py's output folder. */
function trainExported(zip: string, folder: string, epochs: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-run-e2e-'));
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(PYTHON, args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python3 ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  };
  run(['-m', 'zipfile', '-e', zip, dir], dir);
  const project = path.join(dir, folder);
  run(['train.py', '--out', 'trained', '--epochs', String(epochs), '--quiet'], project);
  return path.join(project, 'trained');
}

for (const language of ['en', 'zh'] as const) {
  test(`a run trained by the exported train.py imports back and overlays the original (${language})`, async ({ app }) => {
    test.skip(NO_TORCH !== null, NO_TORCH ?? '');
    const m = MESSAGES[language];
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TrainingPanel(app).setEpochs(2); // the training panel's page object reads English labels
    if (language === 'zh') await new TopBar(app).chooseLanguage('zh');
    const top = new TopBar(app, language);
    await top.train();
    await expect(top.status).toHaveText(m['status.done']);
    const runs = new RunHistory(app, language);
    await expect(runs.rows).toHaveCount(1);
    const original = (await runs.rows.first().getByRole('button').first().textContent())?.trim() ?? '';

    const zip = await top.exportAs(m['model.exportPytorch']);
    const out = trainExported(zip.path, zip.name.replace(/\.zip$/, ''), 2);
    await runs.importPytorchRun({
      model: path.join(out, 'model.safetensors'),
      losses: path.join(out, 'losses.csv'),
      epochs: path.join(out, 'epochs.csv'),
    });
    await expect(runs.importedNotice).toBeVisible();
    await expect(runs.rows).toHaveCount(2);
    const imported = 'PyTorch · model';
    await expect(runs.status(imported)).toHaveText(m['status.done']);
    // Its samples/s come from train.py's own clock (epochs.csv), shown in the bar when the run is.
    await runs.show(imported);
    await expect(top.numbers).toHaveText(/ · [1-9]\d* \S+\s*$/);

    await runs.overlay(original);
    await app.getByRole('tab', { name: m['tab.curves'], exact: true }).click();
    const curves = new CurvesPanel(app, m['tab.curves']);
    await expect(curves.lossChart).toHaveAttribute('data-series', '2');
  });
}
