/** The graph tab: step a traced sample forward then backward; the scalar apple graph recomputes its gradients live. */
import { test, expect } from '../../fixtures';
import { attachScreenshot } from './screenshot';
import { GraphView } from '../../pages/views/graph-view';

test('tracing a sample steps forward node by node, then backward from the loss', async ({ app }, testInfo) => {
  const view = new GraphView(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await view.open();
  await view.traceRow(7);
  await expect(view.loss).toHaveText(/\d/);
  await expect(view.nodeCards).toHaveCount(0);
  await view.stepForward();
  await view.stepForward();
  await expect(view.nodeCards).toHaveCount(2);
  await view.showAll();
  await expect(view.nodeCards).toHaveCount(6);
  await expect(view.backwardText(6)).toHaveText('1');
  await expect(view.backwardText(0)).toHaveText(/\d/);
  await attachScreenshot(app, testInfo, 'graph-network');
});

test('the apple graph shows the chapter figures and recomputes them when an input changes', async ({ app }, testInfo) => {
  const view = new GraphView(app);
  await view.open();
  await view.switchToScalar();
  await expect(view.scalarTotal).toHaveText(/220/);
  await expect(view.scalarGrad('apple', 'm1')).toHaveText('2.2');
  await expect(view.scalarGrad('count', 'm1')).toHaveText('110');
  await expect(view.scalarGrad('tax', 'm2')).toHaveText('200');
  await view.setScalarInput('Apples bought', 3);
  await expect(view.scalarTotal).toHaveText(/330/);
  await expect(view.scalarGrad('tax', 'm2')).toHaveText('300');
  await attachScreenshot(app, testInfo, 'graph-scalar');
});
