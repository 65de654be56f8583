/** Where the browser for the web project comes from: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own. */
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}
