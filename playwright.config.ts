import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/browser';

/**
 * Two projects run the same specs: `web` drives the built app through the loopback web host in
 * Chromium; `electron` launches the built desktop app (`electron .`) where the Electron binary exists,
 * answering its native dialogs from the main process (e2e/support/host-files.ts), and skips elsewhere.
 */
export default defineConfig({
  testDir: './e2e/specs',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: 'test-results',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'web', use: { browserName: 'chromium' } },
    // Launches the desktop app itself (e2e/fixtures.ts); no Chromium is started for this project.
    { name: 'electron' },
  ],
});
