/** Collects every console error or warning a page logs (and uncaught page errors), so a spec can fail on any of them. */
import type { Page } from '@playwright/test';

export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // Issue 14 point 7 (the missing favicon, `frame-ancestors` in a <meta>) is another change's: only those two are let through.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.text().includes("directive 'frame-ancestors' is ignored when delivered via a <meta> element")) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
