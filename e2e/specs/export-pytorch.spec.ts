/** Export → PyTorch project: a trained spiral run downloads as a .zip holding the project and the run's data settings, in English and 中文. */
import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';

/** The entry names of a ZIP's central directory (signature 0x02014b50; name length at +28, name at +46). */
function zipNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let at = zip.indexOf('PK\u0001\u0002', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\u0001\u0002', at + 4, 'latin1')) {
    names.push(zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)));
  }
  return names;
}

test('a trained spiral run exports as a PyTorch project (.zip), in English and in 中文', async ({ app }) => {
  const problems: string[] = [];
  app.on('console', (m) => {
    // The web host has no /favicon.ico (Chromium asks for it on its own; not part of this journey).
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()} ${m.location().url}`);
  });
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await training.setEpochs(3);
  await topBar.train();
  await expect(topBar.status).toHaveText(/done/i);

  const english = await topBar.exportAs('PyTorch project (.zip)…');
  expect(english.suggestedFilename()).toMatch(/^[\w.-]+-pytorch\.zip$/);
  const zip = readFileSync(await english.path());
  const folder = english.suggestedFilename().replace(/\.zip$/, '');
  expect(zipNames(zip)).toEqual(
    ['model.py', 'layers.py', 'optim.py', 'data.py', 'train.py', 'rng.py', 'model_file.py', 'config.json', 'README.md', 'requirements.txt', 'model.safetensors'].map((n) => `${folder}/${n}`),
  );
  // stored (not compressed): the run's data settings are readable in the archive as written
  expect(zip.toString('utf8')).toContain('"source": "builtin:spiral"');
  await expect(topBar.root.getByRole('status')).toContainText(english.suggestedFilename());

  await topBar.chooseLanguage('zh');
  const chinese = await topBar.exportAs('PyTorch 项目 (.zip)…');
  expect(chinese.suggestedFilename()).toBe(english.suggestedFilename());
  await topBar.chooseLanguage('en');
  expect(problems).toEqual([]);
});
