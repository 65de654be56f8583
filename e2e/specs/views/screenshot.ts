/** Attach a full-page screenshot of the app to the test's report, keeping the file in the test's output folder. */
import type { Page, TestInfo } from '@playwright/test';

export async function attachScreenshot(app: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await app.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
