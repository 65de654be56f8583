/** Boundary, Confusion and Diagnostics while and after the default spiral network trains. */
import { test, expect } from '../../fixtures';
import { TopBar } from '../../pages/top-bar';
import { BoundaryView } from '../../pages/views/boundary-view';
import { ConfusionView } from '../../pages/views/confusion-view';
import { DiagnosticsView } from '../../pages/views/diagnostics-view';

test('the boundary redraws live, diagnostics record gradient norms, and the confusion matrix counts the validation rows', async ({ app }, testInfo) => {
  const topBar = new TopBar(app);
  const boundary = new BoundaryView(app);
  const diagnostics = new DiagnosticsView(app);
  const confusion = new ConfusionView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await topBar.train();
  await expect(topBar.status).toHaveText(/running/i);

  await boundary.open();
  await expect.poll(() => boundary.drawCount()).toBeGreaterThan(0);
  await expect(boundary.canvas).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(boundary.legend).toContainText('NaN');
  await testInfo.attach('boundary', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });

  await diagnostics.open();
  await expect(diagnostics.layers).toHaveCount(5);
  await expect(diagnostics.deadFractions).toHaveCount(2);
  await expect.poll(() => diagnostics.normPoints()).toBeGreaterThan(1);
  await testInfo.attach('diagnostics', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });

  await topBar.stop();
  await expect(topBar.status).toHaveText(/stopped|done/i);
  await confusion.open();
  await confusion.evaluate('validation');
  await expect(confusion.accuracy).toContainText('%');
  await expect.poll(() => confusion.total()).toBeGreaterThan(0);
  await expect(confusion.precisionRecall.locator('tbody tr')).toHaveCount(3);
  await testInfo.attach('confusion', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });
});
