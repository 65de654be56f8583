/** Browser mode's credential: the token leaves the address bar, no cookie carries it, and a reload keeps the session working. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';

test('the token leaves the address bar, no cookie holds it, and the page keeps working after a reload (English and 中文)', async ({
  app,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'the token exists in browser mode only');
  const topBar = new TopBar(app);
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  expect(new URL(app.url()).searchParams.has('token')).toBe(false);
  expect(await context.cookies()).toEqual([]);

  await app.reload();
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  expect(new URL(app.url()).searchParams.has('token')).toBe(false);

  await topBar.chooseLanguage('zh');
  await expect(topBar.root.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);
  await topBar.chooseLanguage('en');
  await expect(topBar.trainButton).toBeVisible();
});
