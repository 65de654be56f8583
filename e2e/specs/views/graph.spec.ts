/** The Graph tab's network view: trace a sample, step forward and backward (with Previous) through X·W, +b, Σ₀ and the loss. */
import { test, expect } from '../../fixtures';
import { attachScreenshot } from './screenshot';
import { GraphView } from '../../pages/views/graph-view';

test('tracing a sample steps forward node by node, then backward from the loss, and back again', async ({ app }, testInfo) => {
  const view = new GraphView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await view.open();
  await view.switchToNetwork();
  await view.traceRow(7);
  await expect(view.loss).toHaveText(/\d/);
  await expect(view.nodeCards).toHaveCount(0);
  await view.next();
  await view.next();
  await expect(view.nodeCards).toHaveCount(1);
  await expect(view.nodeCards.first().getByRole('heading')).toHaveText('1. Affine'); // numbered as the editor numbers it
  await view.previous();
  await expect(view.nodeCards).toHaveCount(0);
  await view.showAll();
  await expect(view.nodeCards).toHaveCount(6);
  await expect(view.biasSum).toHaveCount(3);
  await expect(view.backwardText(0)).toHaveText(/\d/);
  await attachScreenshot(app, testInfo, 'graph-network');
});
