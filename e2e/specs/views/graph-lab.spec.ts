/**
 * The scalar graph lab, in English and in 中文: type (x + y)^2, set x and y, step the chain rule forward and back; the
 * apples preset steps to 220 and 2.2 / 110 / 200; the Network view fits a 784–50–10 net in the pane and steps both ways.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../../fixtures';
import { attachScreenshot } from './screenshot';
import { GraphView, type Language } from '../../pages/views/graph-view';
import { TopBar } from '../../pages/top-bar';
import { DatasetPanel } from '../../pages/dataset-panel';
import { ArchitecturePanel } from '../../pages/architecture-panel';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';

const CATALOGS = { en, zh };

async function openIn(app: Page, language: Language): Promise<GraphView> {
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  if (language === 'zh') await new TopBar(app).chooseLanguage('zh');
  const view = new GraphView(app, language);
  await view.open();
  return view;
}

for (const language of ['en', 'zh'] as const) {
  const text = CATALOGS[language];

  test(`(x + y)^2 with x = 2, y = 3 gives 25, and stepping back gives ∂x = ∂y = 10 (${language})`, async ({ app }, testInfo) => {
    const view = await openIn(app, language);
    await view.switchToScalar();
    await view.typeExpression('(x + y)^2');
    await view.setValue('x', 2);
    await view.setValue('y', 3);
    await expect(view.output).toContainText('25');
    await expect(view.gradientOf('x')).toHaveText('—');

    await view.next();
    await view.next();
    await expect(view.scalarGraph.getByTestId('scalar-output')).toHaveText('25');
    await view.next();
    await expect(view.stepRule).toContainText(text['graph.rule.pow']);
    await expect(view.chainRows).toHaveCount(1);
    await expect(view.chainRows.first().locator('td')).toHaveText(['1', '×', '10', '=', '10']);
    await view.next();
    await expect(view.stepRule).toContainText(text['graph.rule.add']);
    await expect(view.gradientOf('x')).toHaveText('10');
    await expect(view.gradientOf('y')).toHaveText('10');
    await expect(view.edgeGradientOf('x')).toHaveText('10');

    await view.previous();
    await expect(view.gradientOf('x')).toHaveText('—');
    await view.next();
    await expect(view.gradientOf('y')).toHaveText('10');

    await view.showEdgeChecks();
    await expect(view.edgeChecks.locator('tbody tr')).toHaveCount(4);
    await expect(view.edgeChecks.locator('tbody tr').filter({ hasText: text['graph.check.fail'] })).toHaveCount(0);

    await view.typeExpression('(x + y');
    await expect(view.expressionError).toContainText(text['graph.error.unclosedParen'].replace('{column}', '1'));
    await expect(view.output).toContainText('25');
    await attachScreenshot(app, testInfo, `graph-lab-chain-${language}`);
  });

  test(`the apples preset steps to 220 and back-propagates 2.2, 110 and 200 (${language})`, async ({ app }, testInfo) => {
    const view = await openIn(app, language);
    await view.choosePreset('fruit');
    await view.choosePreset('apples');
    await view.reset();
    await expect(view.scalarGraph.getByTestId('scalar-output')).toHaveCount(0);
    await view.next();
    await view.next();
    await expect(view.scalarGraph.getByTestId('scalar-output')).toHaveText('220');
    await view.next();
    await expect(view.stepRule).toContainText(text['graph.rule.mul']);
    await expect(view.gradientOf('tax')).toHaveText('200');
    await expect(view.gradientOf('apple')).toHaveText('—');
    await view.next();
    await expect(view.gradientOf('apple')).toHaveText('2.2');
    await expect(view.gradientOf('count')).toHaveText('110');
    await expect(view.edgeGradientOf('apple')).toHaveText('2.2');
    await expect(view.edgeGradientOf('count')).toHaveText('110');
    await expect(view.edgeGradientOf('tax')).toHaveText('200');

    await view.choosePreset('sigmoid');
    await view.showAll();
    await expect(view.sigmoidComparison).toContainText(text['graph.compare.agree']);

    await view.switchToMatrix();
    for (let k = 0; k < 4; k++) await view.next();
    await expect(view.matrixCells('∂L/∂B')).toHaveText(['5', '7', '9']);
    await view.previous();
    await expect(view.matrixCells('∂L/∂B')).toHaveCount(0);
    await view.chooseMatrixGraph('softmax');
    for (let k = 0; k < 3; k++) await view.next();
    await expect(view.matrixCells('∂L/∂a = (y − t) / N')).toHaveText(['0.3', '-0.8', '0.5']);
    await attachScreenshot(app, testInfo, `graph-lab-apples-${language}`);
  });
}

/** A tiny MNIST-format idx pair (20 images of 28×28, labels 0–2) in a temp folder. */
function writeIdxPair(): { images: string; labels: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-graph-'));
  const count = 20;
  const head = (magic: number, dims: number[]) => {
    const b = Buffer.alloc(4 * (1 + dims.length));
    b.writeUInt32BE(magic, 0);
    dims.forEach((d, i) => b.writeUInt32BE(d, 4 * (i + 1)));
    return b;
  };
  const pixels = Array.from({ length: count }, (_, i) => Uint8Array.from({ length: 784 }, (_, p) => ((p * (i + 3)) % 17) * 15));
  const images = path.join(dir, 'graph-images-idx3-ubyte');
  const labels = path.join(dir, 'graph-labels-idx1-ubyte');
  writeFileSync(images, Buffer.concat([head(0x803, [count, 28, 28]), ...pixels]));
  writeFileSync(labels, Buffer.concat([head(0x801, [count]), Uint8Array.from({ length: count }, (_, i) => i % 3)]));
  return { images, labels };
}

test('the Network view fits a 784–50–10 net in the pane at 1280×720, zooms, and steps back and forth', async ({
  app,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the desktop app opens files with a native dialog that Playwright cannot drive',
  );
  await app.setViewportSize({ width: 1280, height: 720 });
  const dataset = new DatasetPanel(app);
  const pair = writeIdxPair();
  await expect(dataset.name).toHaveText(/spiral/i);
  await dataset.openFile(pair.images);
  await dataset.chooseIdxLabelsFile(pair.labels);
  await expect(dataset.shape).toContainText('784 features');
  await new ArchitecturePanel(app).applyPreset('twoLayer');

  const view = new GraphView(app);
  await view.open();
  await view.switchToNetwork();
  await view.traceRow(3, 4);
  await expect(view.networkStep).toHaveAttribute('data-phase', 'start');
  const pane = await view.root.boundingBox();
  const figure = await view.networkGraph.boundingBox();
  expect(pane && figure).toBeTruthy();
  if (pane && figure) expect(figure.x + figure.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
  const overflow = await view.root.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(view.networkGraph.locator('rect')).toHaveCount(6);
  await expect(view.networkGraph).toContainText('4×784 · 784×50');

  for (let k = 0; k < 6; k++) await view.next();
  await expect(view.networkStep).toHaveAttribute('data-phase', 'forward');
  await expect(view.backwardText(6)).toHaveText('1');
  await view.next();
  await expect(view.networkStep).toHaveAttribute('data-phase', 'backward');
  await view.next();
  await view.next();
  await expect(view.networkStep).toHaveAttribute('data-phase', 'sum');
  await expect(view.networkStep).toContainText('4 row(s)');
  await expect(view.biasSum).toHaveCount(1);
  await view.previous();
  await expect(view.biasSum).toHaveCount(0);
  await view.showFirstHeatmap();
  await expect(view.heatmaps).toHaveCount(1);
  await expect(view.heatmaps.first()).toHaveAttribute('data-cols', '10');
  await view.zoomIn();
  await view.zoomToFit();
  await attachScreenshot(app, testInfo, 'graph-network-784');
});
