/** Train, pause, step, resume and stop a run from the top bar, with the progress numbers following. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { TrainingPanel } from '../pages/training-panel';
import { CurvesPanel } from '../pages/curves-panel';

test('a run can be paused, stepped one batch, resumed and stopped', async ({ app }) => {
  const topBar = new TopBar(app);
  const training = new TrainingPanel(app);
  const curves = new CurvesPanel(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await training.setEpochs(20000);

  await topBar.train();
  await expect(topBar.status).toHaveText(/running/i);
  await expect.poll(() => topBar.iteration()).toBeGreaterThan(0);
  await topBar.pause();
  await expect(topBar.status).toHaveText(/paused/i);
  await expect(topBar.resumeButton).toBeVisible();

  const before = await topBar.iteration();
  await topBar.step();
  await expect.poll(() => topBar.iteration()).toBe(before + 1);
  await expect(topBar.status).toHaveText(/paused/i);

  await topBar.resume();
  await expect(topBar.status).toHaveText(/running/i);
  await expect.poll(() => topBar.iteration()).toBeGreaterThan(before + 1);
  await expect.poll(() => curves.pointCount()).toBeGreaterThan(0);
  await test.info().attach('training', { body: await app.screenshot(), contentType: 'image/png' });

  await topBar.stop();
  await expect(topBar.status).toHaveText(/stopped/i);
  await expect(topBar.stopButton).toBeDisabled();
});
