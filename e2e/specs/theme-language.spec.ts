/** Light/dark themes (following the OS until chosen) and the English / Simplified Chinese switch. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';

test('the theme follows the OS and the toggle; the language switch translates the UI', async ({ app }) => {
  const topBar = new TopBar(app);
  const html = app.locator('html');
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);

  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await app.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await topBar.chooseTheme('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await test.info().attach('dark-theme', { body: await app.screenshot(), contentType: 'image/png' });

  await topBar.chooseLanguage('zh');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(topBar.root.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(app.getByRole('tab', { name: '梯度检验' })).toBeVisible();
  await test.info().attach('chinese', { body: await app.screenshot(), contentType: 'image/png' });
  await topBar.chooseLanguage('en');
  await expect(topBar.trainButton).toBeVisible();
  await topBar.chooseTheme('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
});
