/** Light/dark themes (following the OS until chosen) and the English / Simplified Chinese switch. */
import { test, expect } from '../fixtures';
import { TopBar } from '../pages/top-bar';
import { CurvesPanel } from '../pages/curves-panel';

test('the theme follows the OS and the toggle; the language switch translates the UI', async ({ app }) => {
  const topBar = new TopBar(app);
  const html = app.locator('html');
  await expect(app.getByTestId('dataset-name')).toHaveText(/spiral/i);

  // The charts redraw in the theme's text colour (styles.css: --muted) and with their axis titles in the chosen language.
  const curves = new CurvesPanel(app);
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(curves.lossChart).toHaveAttribute('data-text-color', '#9aa3b2');
  await app.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(curves.lossChart).toHaveAttribute('data-text-color', '#5b6270');
  await expect(curves.lossChart).toHaveAttribute('data-x-title', 'iteration');
  await topBar.chooseTheme('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(curves.lossChart).toHaveAttribute('data-text-color', '#9aa3b2');
  await test.info().attach('dark-theme', { body: await app.screenshot(), contentType: 'image/png' });

  await topBar.chooseLanguage('zh');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(topBar.root.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(app.getByRole('tab', { name: '梯度检验' })).toBeVisible();
  const zhCurves = new CurvesPanel(app, '曲线');
  await expect(zhCurves.lossChart).toHaveAttribute('data-x-title', '迭代');
  await expect(zhCurves.accuracyChart).toHaveAttribute('data-x-title', '轮');
  await test.info().attach('chinese', { body: await app.screenshot(), contentType: 'image/png' });
  await topBar.chooseLanguage('en');
  await expect(topBar.trainButton).toBeVisible();
  await expect(curves.lossChart).toHaveAttribute('data-x-title', 'iteration');
  await topBar.chooseTheme('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
});
