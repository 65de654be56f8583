/** Export → PyTorch project: a trained spiral run (and then its model file, opened) downloads as a .zip project, in English and 中文. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { RunsTable } from '../pages/runs-table';
import { PYTORCH_PROJECT_FILES } from '../../tests/fixtures/models/pytorch-project';

/** The bytes of a stored entry, from its local header (signature 0x04034b50; size at +22, name and extra lengths at +26, +28). */
function zipEntry(zip: Buffer, name: string): Buffer {
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const size = zip.readUInt32LE(at + 22);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + zip.readUInt16LE(at + 26)) === name) return zip.subarray(start, start + size);
    at = start + size;
  }
  throw new Error(`no entry ${name} in the zip`);
}

/** The entry names of a ZIP's central directory (signature 0x02014b50; name length at +28, name at +46). */
function zipNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let at = zip.indexOf('PK\u0001\u0002', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\u0001\u0002', at + 4, 'latin1')) {
    names.push(zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)));
  }
  return names;
}

test('a trained spiral run, then its model file opened, export as a PyTorch project (.zip), in English and in 中文', async ({
  app,
}) => {
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await training.setEpochs(3);
  await topBar.train();
  await expect(topBar.status).toHaveText(/done/i);

  const english = await topBar.exportAs('PyTorch project (.zip)…');
  expect(english.name).toMatch(/^[\w.-]+-pytorch\.zip$/);
  const zip = readFileSync(english.path);
  const folder = english.name.replace(/\.zip$/, '');
  expect(zipNames(zip)).toEqual(PYTORCH_PROJECT_FILES.map((n) => `${folder}/${n}`));
  // stored (not compressed): the run's data settings are readable in the archive as written
  expect(zip.toString('utf8')).toContain('"source": "builtin:spiral"');
  await expect(topBar.modelNotice).toContainText(english.name);

  await topBar.chooseLanguage('zh');
  const chinese = await topBar.exportAs('PyTorch 项目 (.zip)…');
  expect(chinese.name).toBe(english.name);
  await topBar.chooseLanguage('en');

  // The model file of the project (stored in the zip as is), opened with no run left: its project does not know
  // the data (train.py then asks for --data).
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-export-')), 'spiral-model.safetensors');
  writeFileSync(file, zipEntry(zip, `${folder}/model.safetensors`));
  await new RunsTable(app).deleteAll();
  await topBar.openModel(file);
  await expect(topBar.modelNotice).toContainText('spiral-model.safetensors');
  const fromFile = await topBar.exportAs('PyTorch project (.zip)…');
  expect(fromFile.name).toBe('spiral-model-pytorch.zip');
  const fromFileZip = readFileSync(fromFile.path);
  expect(zipNames(fromFileZip)).toContain('spiral-model-pytorch/model.safetensors');
  expect(fromFileZip.toString('utf8')).toContain('"source": null');
});
