/** Boundary, Confusion and Diagnostics while and after the default spiral network trains. */
import { test, expect } from '../../fixtures';
import { attachScreenshot } from './screenshot';
import { TopBar } from '../../pages/top-bar';
import { BoundaryView } from '../../pages/views/boundary-view';
import { ConfusionView } from '../../pages/views/confusion-view';
import { DiagnosticsView } from '../../pages/views/diagnostics-view';

test('diagnostics record gradient norms and the boundary redraws while training; the confusion matrix counts the validation rows', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const topBar = new TopBar(app);
  const boundary = new BoundaryView(app);
  const diagnostics = new DiagnosticsView(app);
  const confusion = new ConfusionView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  // Long enough (about a minute here) that the diagnostics and the boundary poll the run while it trains; the spec stops it.
  const epochs = app.getByLabel('Epochs', { exact: true });
  await epochs.fill('20000');
  await epochs.blur();
  await topBar.train();
  await expect(topBar.status).toHaveText(/running/i);

  await diagnostics.open();
  await expect(diagnostics.layers).toHaveCount(5);
  await expect(diagnostics.deadFractions).toHaveCount(2);
  await expect.poll(() => diagnostics.normPoints()).toBeGreaterThan(1);
  await attachScreenshot(app, testInfo, 'diagnostics');

  await boundary.open();
  await expect.poll(() => boundary.drawCount()).toBeGreaterThan(3);
  await expect(boundary.canvas).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(boundary.legend.getByTestId('boundary-nan')).toHaveCount(0);
  await attachScreenshot(app, testInfo, 'boundary');

  await topBar.stop();
  await expect(topBar.status).toHaveText(/stopped|done/i);
  await confusion.open();
  await confusion.evaluate('validation');
  await expect(confusion.accuracy).toContainText('%');
  await expect.poll(() => confusion.total()).toBeGreaterThan(0);
  await expect(confusion.precisionRecall.locator('tbody tr')).toHaveCount(3);
  await attachScreenshot(app, testInfo, 'confusion');
});
