/** `npm start`'s prestart (scripts/ensure-electron.mjs): runs the electron package's install step only when the binary is missing, and fails clearly when it cannot. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/ensure-electron.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'ensure-electron-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in electron package whose install step (install.js) records that it ran, then does `installBody`. */
function fakeElectronPackage(name: string, installBody: string, installed = false): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.5.0', bin: { electron: 'cli.js', 'install-electron': 'install.js' } }),
  );
  writeFileSync(path.join(dir, 'install.js'), `require('fs').writeFileSync(__dirname + '/ran', '1');\n${installBody}`);
  if (installed) {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    writeFileSync(path.join(dir, 'dist/electron'), '');
  }
  return dir;
}

function run(dir: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, BACKPROP_ELECTRON_DIR: dir, ELECTRON_EXEC_PATH: '' };
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr });
    });
  });
}

const ran = (dir: string) => existsSync(path.join(dir, 'ran'));

describe('ensure-electron (prestart)', () => {
  it('does nothing when path.txt names an existing binary', async () => {
    const dir = fakeElectronPackage('installed', 'process.exit(3);', true);
    expect(await run(dir)).toMatchObject({ code: 0 });
    expect(ran(dir)).toBe(false);
  });

  it('runs the install-electron step when path.txt is missing, and succeeds once it wrote the binary', async () => {
    const dir = fakeElectronPackage(
      'fresh',
      "const fs = require('fs'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');",
    );
    const result = await run(dir);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Installing the Electron 45.5.0 binary');
    expect(ran(dir)).toBe(true);
  });

  it('fails with a clear message (not only a stack) when the download fails, as without network', async () => {
    const dir = fakeElectronPackage('offline', "console.error('TypeError: fetch failed'); process.exit(1);");
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Could not install the Electron 45\.5\.0 binary/);
    expect(result.output).toMatch(/npm run web/);
  });
});
