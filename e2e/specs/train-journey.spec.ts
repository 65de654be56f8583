/** The first journey: open the app on the built-in spiral, train, watch the loss fall live, stop. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { CurvesPanel } from '../pages/curves-panel';
import { TrainingPanel } from '../pages/training-panel';

test('training the default spiral network draws a falling loss curve live, and Stop stops it', async ({ app }) => {
  const topBar = new TopBar(app);
  const curves = new CurvesPanel(app);
  const training = new TrainingPanel(app);

  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await training.setEpochs(100_000);
  await topBar.train();
  await expect(topBar.status).toHaveText(/running/i);

  await expect.poll(() => curves.pointCount()).toBeGreaterThan(20);
  await expect
    .poll(async () => {
      const { first, last } = await curves.firstAndLastLoss();
      return last < first * 0.8;
    })
    .toBe(true);

  await topBar.stop();
  await expect(topBar.status).toHaveText(/stopped/i);
  await expect(topBar.trainButton).toBeEnabled();
  await test.info().attach('after-training', { body: await app.screenshot(), contentType: 'image/png' });
});
