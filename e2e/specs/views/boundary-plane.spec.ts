/**
 * The decision boundary of iris (4 features) in English and 中文: two chosen features with the others at their training
 * mean, axes in the features' raw units although training saw z-scores, then the PCA plane; the NaN swatch only when NaN occurs.
 */
import { test, expect } from '../../fixtures';
import { TopBar } from '../../pages/top-bar';
import { DatasetPanel } from '../../pages/dataset-panel';
import { TrainingPanel } from '../../pages/training-panel';
import { BoundaryPlaneView } from '../../pages/views/boundary-plane-view';
import { MESSAGES, say, type Language } from '../../pages/messages';
import { attachScreenshot } from './screenshot';
import { WindowLayout } from '../../pages/window-layout';

for (const language of ['en', 'zh'] as const satisfies readonly Language[]) {
  const m = MESSAGES[language];

  test(`[${language}] iris boundary: pick two of its 4 features or the PCA plane`, async ({ app }, testInfo) => {
    await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
    await new TopBar(app).chooseLanguage(language);
    const topBar = new TopBar(app, language);
    const dataset = new DatasetPanel(app, language);
    const boundary = new BoundaryPlaneView(app, language);

    await dataset.loadBuiltin('iris');
    await expect(dataset.name).toHaveText(/iris/i);
    await dataset.chooseNormalization('zscore');
    await new TrainingPanel(app, language).setEpochs(30);
    await topBar.train();
    await expect(topBar.status).toHaveClass(/status-done/);

    await boundary.open();
    await expect(boundary.held).toHaveText(say(m, 'plane.held', { count: 2 }));
    await expect(boundary.xTitle).toHaveText('sepal_length');
    await expect(boundary.yTitle).toHaveText('sepal_width');

    await boundary.chooseFeatures('petal_length', 'petal_width');
    await expect(boundary.xTitle).toHaveText('petal_length');
    await expect(boundary.yTitle).toHaveText('petal_width');
    // petal_length runs from 1.0 to 6.9 cm (the axis 0.41 … 7.49 with its margins): ticks in those units, not in z-scores (−1.6 … 1.8).
    await expect.poll(() => boundary.xTickTexts()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    await expect(boundary.canvas).toHaveAttribute('data-points', '150');
    await expect(boundary.legend).toContainText('setosa');
    await expect(boundary.nanSwatch).toHaveCount(0);
    await attachScreenshot(app, testInfo, `boundary-features-${language}`);

    // At 1280×720 the plot follows its pane: canvas, ticks and axis titles all in view, nothing to scroll.
    await new WindowLayout(app).resizeWindow(1280, 720);
    await expect.poll(async () => (await boundary.plotFit()).paneScrolls).toBe(false);
    const fit = await boundary.plotFit();
    // Nothing more than 1 px (sub-pixel rounding) past the pane's visible box on any side.
    expect(Math.max(fit.right, fit.bottom, fit.left, fit.top)).toBeLessThanOrEqual(1);
    expect(fit.cssSize).toBeGreaterThan(150);
    // The canvas is drawn at the device pixel ratio (1 here): its pixels match its size on screen.
    expect(Math.abs(fit.pixelSize - fit.cssSize)).toBeLessThanOrEqual(2);
    await attachScreenshot(app, testInfo, `boundary-1280x720-${language}`);

    await boundary.choosePca();
    await expect(boundary.xTitle).toHaveText(/(PC1|主成分 1).*7\d\.\d\s?%/);
    await expect(boundary.held).toHaveCount(0);
    await expect(boundary.canvas).toHaveAttribute('data-points', '150');
    await expect.poll(() => boundary.xTicks.count()).toBeGreaterThan(2);
    await attachScreenshot(app, testInfo, `boundary-pca-${language}`);
  });
}
