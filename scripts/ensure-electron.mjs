// `npm start`'s first step (prestart): make sure the Electron binary is installed before electron-vite preview
// looks for it. Electron ≥ 42 has no postinstall: `npm install` never downloads the binary, and its own
// `electron` command would fetch it on first run, but electron-vite preview does not run that command; it
// reads node_modules/electron/path.txt and throws "Electron uninstall" when the file is missing. The
// electron package ships its install step as the `install-electron` bin (install.js: downloads the zip for
// this platform with @electron/get, checks it against checksums.json, unzips it into dist/, writes path.txt).
// This script runs that step only when the binary is missing, and says what to do when it cannot (no network).
//
// Environment: ELECTRON_EXEC_PATH (electron-vite then uses that binary: nothing to install),
// ELECTRON_MIRROR and the other @electron/get variables (passed through to the install step),
// BACKPROP_ELECTRON_DIR (the electron package's folder; for tests, default: resolved from here).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const NEEDED_NODE = [22, 12];

function electronDir() {
  if (process.env.BACKPROP_ELECTRON_DIR) return path.resolve(process.env.BACKPROP_ELECTRON_DIR);
  return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/** The binary path.txt names, if both exist (what electron-vite preview will spawn). */
function installedBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function olderThan([major, minor], version) {
  const [m, n] = version.split('.').map(Number);
  return m < major || (m === major && n < minor);
}

if (process.env.ELECTRON_EXEC_PATH) process.exit(0);
const dir = electronDir();
if (installedBinary(dir)) process.exit(0);

const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
const installer = pkg.bin?.['install-electron'];
if (!installer) {
  console.error(`The electron package in ${dir} (${pkg.version}) has no install-electron step: reinstall it with npm install.`);
  process.exit(1);
}
if (olderThan(NEEDED_NODE, process.versions.node)) {
  console.warn(
    `Note: electron ${pkg.version} and @electron/get declare Node >= ${NEEDED_NODE.join('.')}; this is Node ${process.versions.node}. If the install below fails, upgrade Node.`,
  );
}
console.log(`Installing the Electron ${pkg.version} binary (a one-time download of about 100 MB)…`);
const result = spawnSync(process.execPath, [path.join(dir, installer)], { stdio: 'inherit' });
if (result.status === 0 && installedBinary(dir)) process.exit(0);
console.error(
  [
    '',
    `Could not install the Electron ${pkg.version} binary (see the error above; "fetch failed" means no network).`,
    'The desktop app needs it, downloaded once with internet access (or from a mirror: ELECTRON_MIRROR=…).',
    'Retry with `npm start`, or install it alone with `npx install-electron`.',
    'Without internet, `npm run web` serves the same app to your browser.',
  ].join('\n'),
);
process.exit(1);
