/**
 * The fixture every spec uses: `app` is the Backprop Studio page, from the web host in Chromium (project
 * `web`) or from the built desktop app (project `electron`, skipped with the reason where no binary exists).
 */
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from './support/electron-binary';
import { startWebHost } from './support/web-host';

export const test = base.extend<{ app: Page }>({
  app: async ({ page }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const binary = findElectronBinary();
      if (!binary.found) {
        console.log(`[electron] skipped: ${binary.reason}`);
        testInfo.skip(true, binary.reason);
        return;
      }
      // A fresh user-data folder per test, like the web host's: no workspace or recent files leak between specs.
      const userData = mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-electron-'));
      const electronApp = await _electron.launch({
        executablePath: binary.path,
        args: [path.resolve('out/main/index.js')],
        env: { ...process.env, BACKPROP_USER_DATA: userData },
      });
      const window = await electronApp.firstWindow();
      await use(window);
      await electronApp.close();
      rmSync(userData, { recursive: true, force: true });
      return;
    }
    const host = await startWebHost();
    await page.goto(host.url);
    await use(page);
    await host.stop();
  },
});

export { expect };
