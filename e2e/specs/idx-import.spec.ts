/** Importing an MNIST-format idx pair from the Dataset panel, training on it, and reading the Confusion tab's matrix and gallery. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { DatasetPanel } from '../pages/dataset-panel';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { ConfusionView } from '../pages/views/confusion-view';
import { attachScreenshot } from './views/screenshot';

const SIDE = 28;
const COUNT = 60;
/** The last rows carry the next class's label on their own class's pattern: identical images, different labels, so some must be misclassified. */
const RELABELLED_FROM = 54;

/** Class 0: a horizontal bar; class 1: a vertical bar; class 2: the diagonal. */
function drawClass(k: number): Uint8Array {
  const pixels = new Uint8Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++)
    for (let c = 0; c < SIDE; c++) {
      const on = k === 0 ? r >= 10 && r < 18 : k === 1 ? c >= 10 && c < 18 : Math.abs(r - c) < 4;
      if (on) pixels[r * SIDE + c] = 255;
    }
  return pixels;
}

/** A big-endian idx header: magic (0x00000803 images, 0x00000801 labels) then each dimension. */
function header(magic: number, dims: number[]): Buffer {
  const buffer = Buffer.alloc(4 * (1 + dims.length));
  buffer.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => buffer.writeUInt32BE(d, 4 * (i + 1)));
  return buffer;
}

/** Write a tiny idx pair (60 images 28×28 of 3 classes; the importer names the digits 0–9, so 10 classes) into a temp dir. */
function writeIdxPair(labelCount = COUNT): { images: string; labels: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-idx-'));
  const classes = Array.from({ length: COUNT }, (_, i) => i % 3);
  const labels = classes.map((k, i) => (i >= RELABELLED_FROM ? (k + 1) % 3 : k)).slice(0, labelCount);
  const images = path.join(dir, 'tiny-images-idx3-ubyte');
  const labelsFile = path.join(dir, 'tiny-labels-idx1-ubyte');
  writeFileSync(images, Buffer.concat([header(0x00000803, [COUNT, SIDE, SIDE]), ...classes.map((k) => drawClass(k))]));
  writeFileSync(labelsFile, Buffer.concat([header(0x00000801, [labelCount]), Uint8Array.from(labels)]));
  return { images, labels: labelsFile };
}

test('an idx images file opened with the picker asks for its labels file, imports, trains, and fills the Confusion tab', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const dataset = new DatasetPanel(app);
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  const confusion = new ConfusionView(app);
  const pair = writeIdxPair();
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.openFile(pair.images);
  await expect(dataset.idxPrompt).toHaveText('Now choose the labels file (idx1) for tiny-images-idx3-ubyte');
  await expect(dataset.wizard).toHaveCount(0);
  await dataset.chooseIdxLabelsFile(pair.labels);
  await expect(dataset.shape).toContainText('60 rows · 784 features · 10 classes');
  await expect(dataset.idxPrompt).toHaveCount(0);

  await training.setEpochs(15);
  await topBar.train();
  await expect(topBar.status).toHaveText(/done/i, { timeout: 90_000 });

  await confusion.open();
  await confusion.evaluate('train');
  await expect(confusion.accuracy).toContainText('%');
  await expect(confusion.matrix).toBeVisible();
  await expect(confusion.precisionRecall.locator('tbody tr')).toHaveCount(10);
  const total = await confusion.total();
  expect(total).toBeGreaterThan(0);
  const gallery = confusion.root.getByTestId('misclassified');
  const wrong = await confusion.matrix
    .locator('td[data-count]:not(.diag)')
    .evaluateAll((tds) => tds.reduce((sum, td) => sum + Number(td.getAttribute('data-count')), 0));
  expect(wrong).toBeGreaterThan(0);
  await expect(gallery.locator('li')).not.toHaveCount(0);
  await expect(gallery.locator('li').first()).toContainText('→');
  await attachScreenshot(app, testInfo, 'idx-confusion');
});

test('the explicit idx pair button imports a pair, and a labels file with the wrong count shows the error', async ({ app }) => {
  const dataset = new DatasetPanel(app);
  const good = writeIdxPair();
  const short = writeIdxPair(59);
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.openIdxPair(short.images, short.labels);
  await expect(dataset.idxError).toBeVisible();
  await expect(dataset.idxError).toContainText('mismatched counts: 60 images but 59 labels');
  await expect(dataset.name).toHaveText(/spiral/i);

  await dataset.chooseIdxLabelsFile(good.labels);
  await expect(dataset.shape).toContainText('60 rows · 784 features · 10 classes');
  await expect(dataset.idxError).toHaveCount(0);
});
