/**
 * The desktop WIRING test: runs the real wiring of src/main/index.ts (startDesktopApp) under plain Node against
 * a recording fake of Electron's main-process API (./fake-electron.ts). It is not an Electron test — no Chromium,
 * no real window — it checks what the main process asks of Electron: handlers, window options, menu, lifecycles.
 * It uses the built app (out/), copied behind a folder named with `%`, `#`, a space and a non-ASCII letter.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { METHOD_NAMES, channelOf, type MethodName } from '../../../src/shared/names';
import type { RunEvent } from '../../../src/shared/runs';
import { startDesktopApp, type DesktopAppHandle } from '../../../src/main/desktop/desktop-app';
import type { AppServices } from '../../../src/main/services/app';
import type { MenuItemConstructorOptions } from '../../../src/main/desktop/electron-api';
import { fakeElectron, type FakeBrowserWindow } from './fake-electron';
import { QUICK_CONFIG, SPIRAL_MLP } from '../engine/fixtures';

const REPO = path.resolve(import.meta.dirname, '../../..');
const NO_BUILD = ['out/main/engine-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'].some(
  (f) => !existsSync(path.join(REPO, f)),
)
  ? 'skipped: out/ is incomplete; run npx electron-vite build first'
  : null;
if (NO_BUILD) console.warn(NO_BUILD);

const scratch = mkdtempSync(path.join(tmpdir(), 'desktop-wiring-'));
const appRoot = path.join(scratch, 'Backprop 50% #1 Stüdio');
mkdirSync(appRoot);
symlinkSync(path.join(REPO, 'out'), path.join(appRoot, 'out'));
symlinkSync(path.join(REPO, 'resources'), path.join(appRoot, 'resources'));
const BUNDLE = path.join(appRoot, 'out/main');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Started {
  fake: ReturnType<typeof fakeElectron>;
  handle: DesktopAppHandle<FakeBrowserWindow>;
  win: FakeBrowserWindow;
  services: AppServices;
  dispose: MockInstance<AppServices['dispose']>;
  call: (method: MethodName, args: unknown) => Promise<unknown>;
  userData: string;
}
let current: Started | null = null;
let unhandled: unknown[] = [];
const record = (error: unknown) => unhandled.push(error);

beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
});

afterEach(async () => {
  if (current && current.fake.app.exits === 0) {
    current.fake.app.quit();
    await current.fake.app.exited;
  }
  current = null;
  process.off('unhandledRejection', record);
  process.off('uncaughtException', record);
});

async function startApp(platform: NodeJS.Platform = 'linux'): Promise<Started> {
  const fake = fakeElectron();
  const userData = mkdtempSync(path.join(scratch, 'user data '));
  const handle = startDesktopApp(fake.electron, { bundleDir: BUNDLE, env: { BACKPROP_USER_DATA: userData }, platform });
  fake.app.becomeReady();
  await handle.ready;
  const win = fake.app.windows[0] as FakeBrowserWindow;
  const services = handle.services();
  if (!services) throw new Error('no services after ready');
  const dispose = vi.spyOn(services, 'dispose');
  const call = (method: MethodName, args: unknown) => fake.ipcMain.invoke(channelOf(method), win.webContents, args);
  current = { fake, handle, win, services, dispose, call, userData };
  return current;
}

/** Resolve with the next run event matching `predicate` (counted, not timed). */
function nextRunEvent(started: Started, predicate: (event: RunEvent) => boolean): Promise<RunEvent> {
  return new Promise((resolve) => {
    const off = started.services.runs.onEvent((event) => {
      if (!predicate(event)) return;
      off();
      resolve(event);
    });
  });
}

async function startLongRun(started: Started): Promise<string> {
  const dataset = (await started.call('datasets.builtin', { name: 'spiral' })) as { ok: true; result: { id: string } };
  const reply = (await started.call('runs.start', {
    datasetId: dataset.result.id,
    architecture: SPIRAL_MLP,
    config: { ...QUICK_CONFIG, epochs: 100_000 },
    split: { validation: 0.2, test: 0.1, normalize: 'none', seed: 1, stratify: false },
  })) as { ok: boolean; result: { id: string } };
  expect(reply.ok).toBe(true);
  return reply.result.id;
}

const sentEvents = (win: FakeBrowserWindow, channel: string) => win.webContents.sent.filter((s) => s.channel === channel).length;

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe.skipIf(NO_BUILD)('desktop wiring (a recording fake of Electron, not Electron)', () => {
  it('binds one ipcMain handler per API method, and nothing else', async () => {
    const { fake } = await startApp();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('opens one sandboxed, context-isolated window with the built preload and the icon, showing the built page', async () => {
    const { fake, win, handle } = await startApp();
    expect(fake.app.windows).toHaveLength(1);
    const prefs = win.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload && existsSync(prefs.preload)).toBe(true);
    expect(prefs.preload).toBe(path.join(appRoot, 'out/preload/index.cjs'));
    expect(typeof win.options.icon === 'string' && existsSync(win.options.icon)).toBe(true);
    expect(existsSync(handle.paths.rendererIndex)).toBe(true);
    // loadFile's url.format leaves the % alone (a lone % in the URL): the sender check must still accept this page
    expect(win.webContents.mainFrame.url).toContain('/Backprop%2050%%20%231%20St%C3%BCdio/out/renderer/index.html');
    expect(win.shown).toBe(true);
    expect(fake.app.log).toContain('enableSandbox');
    expect(fake.permission.check?.()).toBe(false);
  });

  it("sends the page's Content-Security-Policy, frame-ancestors included, as a header of every response", async () => {
    const { fake, win } = await startApp();
    const answers: unknown[] = [];
    fake.webRequest.headersReceived?.(
      {
        url: win.webContents.mainFrame.url,
        resourceType: 'mainFrame',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] },
      },
      (response) => answers.push(response),
    );
    expect(answers).toEqual([
      {
        responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [expect.stringContaining("frame-ancestors 'none'")] },
      },
    ]);
    expect(String(JSON.stringify(answers))).toContain("script-src 'self'");
  });

  it('guards every web contents: no pop-ups, no navigation, no webview', async () => {
    const { win } = await startApp();
    expect(win.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'] as const)
      expect(win.webContents.tryNavigate(event)).toBe(false);
  });

  it('answers a call from its page even under a folder named with % and #, and refuses another frame or window', async () => {
    const { fake, win, call } = await startApp();
    expect(await call('app.info', {})).toMatchObject({ ok: true, result: { host: 'electron', version: '0.0.0-fake' } });
    const otherFrame = { url: win.webContents.mainFrame.url };
    await expect(fake.ipcMain.invoke(channelOf('app.info'), win.webContents, {}, otherFrame)).rejects.toThrow(
      /refused app\.info/,
    );
    const stranger = new fake.electron.BrowserWindow({});
    await expect(fake.ipcMain.invoke(channelOf('app.info'), stranger.webContents, {})).rejects.toThrow(/refused/);
  });

  it('honours BACKPROP_USER_DATA: app.setPath("userData") before ready, and the services keep their files there', async () => {
    const { fake, call, services, userData } = await startApp();
    expect(fake.app.log.indexOf('setPath userData')).toBeLessThan(fake.app.log.indexOf('ready'));
    expect(fake.app.log.indexOf('setPath sessionData')).toBeLessThan(fake.app.log.indexOf('ready'));
    expect(fake.app.getPath('userData')).toBe(userData);
    await call('workspace.save', {
      architecture: null,
      training: null,
      split: null,
      datasetId: null,
      settings: { theme: 'dark' },
    });
    await services.workspace.flush();
    expect(existsSync(path.join(userData, 'workspace.json'))).toBe(true);
  });

  it.each(['linux', 'darwin'] as const)('builds a valid menu on %s whose commands reach the page', async (platform) => {
    const { fake, win } = await startApp(platform);
    const { applicationMenu } = fake;
    const all = items(applicationMenu.current?.template ?? []);
    for (const item of all) {
      const valid =
        item.role !== undefined ||
        item.type === 'separator' ||
        (item.label !== undefined && (item.click !== undefined || item.submenu !== undefined));
      expect(valid, JSON.stringify(item)).toBe(true);
    }
    const saveAs = all.find((item) => item.accelerator === 'CmdOrCtrl+Shift+S');
    expect(saveAs?.label).toBe('Save Model As…');
    expect(all.some((item) => item.role === 'quit' || item.role === 'appMenu')).toBe(true);
    (saveAs?.click as () => void)();
    expect(win.webContents.sent.at(-1)).toEqual({ channel: channelOf('menu.command'), payload: { command: 'save-model-as' } });
  });

  it('closing the window mid-run stops forwarding, stops the run, disposes once and quits without an exception', async () => {
    const started = await startApp();
    const { fake, win, services, dispose } = started;
    const runId = await startLongRun(started);
    await nextRunEvent(started, (event) => event.runId === runId && event.type === 'progress');
    expect(sentEvents(win, channelOf('runs.event'))).toBeGreaterThan(0);
    const sentBefore = win.webContents.sent.length;
    const afterClose: RunEvent[] = [];
    services.runs.onEvent((event) => afterClose.push(event));

    win.close();
    await fake.app.exited;

    expect(afterClose.length).toBeGreaterThan(0); // the run kept talking after the window was gone…
    expect(win.webContents.sent.length).toBe(sentBefore); // …and nothing was sent to the destroyed page
    expect(services.runs.list().find((r) => r.id === runId)?.status).toBe('stopped');
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(fake.app.exits).toBe(1);
    expect(unhandled).toEqual([]);
  });

  const quitWays: [string, NodeJS.Platform, (s: Started) => void][] = [
    ['File → Quit', 'linux', (s) => s.fake.app.quit()], // the `quit` role calls app.quit()
    ['Cmd+Q', 'darwin', (s) => s.fake.app.quit()], // the app menu's Quit, same role
    ['the last window closing', 'linux', (s) => s.win.close()],
    ['quitting twice while disposing', 'linux', (s) => (s.fake.app.quit(), s.fake.app.quit())],
  ];
  it.each(quitWays)(
    '%s disposes the services once (upload temp files removed, autosave flushed) and exits',
    async (_way, platform, quit) => {
      const started = await startApp(platform);
      const { fake, call, services, dispose, userData } = started;
      const upload = (await call('files.upload', { name: 'drop.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') })) as {
        result: { fileId: string };
      };
      const uploaded = services.files.get(upload.result.fileId).path;
      await call('workspace.save', {
        architecture: null,
        training: null,
        split: null,
        datasetId: null,
        settings: { theme: 'light' },
      });
      expect(existsSync(uploaded)).toBe(true);

      quit(started);
      await fake.app.exited;

      expect(dispose).toHaveBeenCalledTimes(1);
      expect(fake.app.exits).toBe(1);
      expect(existsSync(uploaded)).toBe(false);
      const saved = JSON.parse(readFileSync(path.join(userData, 'workspace.json'), 'utf8')) as { editor: { settings: unknown } };
      expect(saved.editor.settings).toEqual({ theme: 'light' });
      expect(started.handle.window()).toBeNull();
      expect(unhandled).toEqual([]);
    },
  );
});
