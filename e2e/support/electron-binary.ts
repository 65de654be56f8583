/**
 * Finds the Electron binary without `require('electron')` (which would try to download it):
 * node_modules/electron/path.txt names the executable inside node_modules/electron/dist.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(root = process.cwd()): ElectronBinary {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; install it with `npx install-electron` or `npm start`, which need internet access)',
    };
  }
  const executable = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { found: false, reason: `the Electron binary ${executable} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    return { found: false, reason: 'no display for Electron: run the tests under xvfb-run' };
  }
  return { found: true, path: executable };
}
