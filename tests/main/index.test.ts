/**
 * src/main/index.ts hands the `electron` module it imports to the desktop wiring: a WIRING check under plain
 * Node, with `electron` replaced by the recording fake (tests/main/desktop/fake-electron.ts), not Electron.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf } from '../../src/shared/names';

const fake = await vi.hoisted(async () => (await import('./desktop/fake-electron')).fakeElectron());
vi.mock('electron', () => fake.electron);

const userData = mkdtempSync(path.join(tmpdir(), 'index-wiring-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

it('index.ts wires the imported electron module: user data, handlers, one window, and a quit that exits', async () => {
  vi.stubEnv('BACKPROP_USER_DATA', userData);
  await import('../../src/main/index');
  expect(fake.app.getPath('userData')).toBe(userData);
  fake.app.becomeReady();
  const win = await fake.app.firstWindow;
  expect(fake.app.windows).toEqual([win]);
  expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
  fake.app.quit();
  await fake.app.exited;
  expect(fake.app.exits).toBe(1);
  vi.unstubAllEnvs();
});
