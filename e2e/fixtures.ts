/**
 * The fixture every spec uses: `app` is the Backprop Studio page, from the web host in Chromium (project `web`)
 * or from the desktop app itself (project `electron`, skipped with the reason where no Electron binary exists).
 * The electron project launches the app as an app (`electron .` from the repo root, so package.json's main is the
 * entry and its name the app's), with a fresh user-data folder per test, and never starts Chromium: `app` does
 * not ask for Playwright's `page`, and the worker's browser is only launched for the web project.
 * In both projects, and for specs that drive Playwright's own `page` (their own web host), any console error or
 * warning or uncaught error of the page fails the test, with the list in the failure message (support/console-problems).
 */
import { test as base, expect, _electron, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from './support/electron-binary';
import { startWebHost } from './support/web-host';
import { electronFiles, registerHostFiles } from './support/host-files';
import { failOnConsoleProblems, watchConsole } from './support/console-problems';

const REPO = path.resolve(import.meta.dirname, '..');

export const test = base.extend<{ app: Page }, { webBrowser: Browser | null }>({
  page: async ({ page }, use, testInfo) => {
    const problems = watchConsole(page);
    await use(page);
    await failOnConsoleProblems(problems, testInfo);
  },
  webBrowser: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(null);
      const browser = await playwright.chromium.launch(launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ webBrowser }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const binary = findElectronBinary(REPO);
      if (!binary.found) {
        console.log(`[electron] skipped: ${binary.reason}`);
        testInfo.skip(true, binary.reason);
        return;
      }
      const userData = mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-electron-'));
      // Chromium refuses to start as root with its OS sandbox (CI containers): only then is it turned off.
      const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
      const electronApp = await _electron.launch({
        executablePath: binary.path,
        args: [...(asRoot ? ['--no-sandbox'] : []), '.'],
        cwd: REPO,
        env: { ...process.env, BACKPROP_USER_DATA: userData },
      });
      try {
        const window = await electronApp.firstWindow();
        const problems = watchConsole(window);
        registerHostFiles(window, electronFiles(electronApp, mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-saved-'))));
        await use(window);
        await failOnConsoleProblems(problems, testInfo);
      } finally {
        await electronApp.close();
        rmSync(userData, { recursive: true, force: true });
      }
      return;
    }
    if (!webBrowser) throw new Error('the web project has no browser');
    const host = await startWebHost({ root: REPO });
    const context = await webBrowser.newContext();
    try {
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(host.url);
      await use(page);
      await failOnConsoleProblems(problems, testInfo);
    } finally {
      await context.close();
      await host.stop();
    }
  },
});

export { expect };
