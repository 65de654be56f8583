/**
 * Every console error or warning a page logs, and every uncaught page error, collected so that the `app` fixture can
 * fail any spec whose page logged one (issue 14 point 7: no exception, no filter — a message is fixed in the app).
 */
import type { Page, TestInfo } from '@playwright/test';

/** Start collecting; the returned list grows as the page logs (reloads included: the listeners stay on the page). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location().url;
    problems.push(`${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Fail the test when `problems` is not empty: the list is attached to the report and spelled out in the failure. */
export async function failOnConsoleProblems(problems: readonly string[], testInfo: TestInfo): Promise<void> {
  if (problems.length === 0) return;
  await testInfo.attach('console problems', { body: problems.join('\n'), contentType: 'text/plain' });
  throw new Error(
    `the page logged ${problems.length} console error(s)/warning(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}
