/**
 * The desktop app's wiring: user-data folder, sandbox, services, IPC binding of the shared API, the window,
 * event forwarding, the menu and the quit lifecycle. It takes Electron's main-process modules as an argument
 * (src/main/index.ts passes the real ones; the wiring test passes a recording fake), so it runs under plain Node.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { METHOD_NAMES, channelOf } from '../../shared/names';
import { replyTo, type Reply } from '../../shared/reply';
import { createAppServices, type AppServices } from '../services/app';
import { importLimitsFromEnv } from '../services/datasets/import-budget';
import { createHandlers } from '../hosts/handlers';
import { dispatch } from '../hosts/dispatch';
import { forwardEvents, type Emit } from '../hosts/events';
import { createDesktopHandlers } from '../hosts/desktop-dialogs';
import { menuTemplate } from '../menu';
import type { DesktopElectron, DesktopInvokeEvent, DesktopWindow } from './electron-api';
import { isRendererPage } from './sender-check';
import { holdQuitUntilDisposed, type QuitGuard } from './quit-guard';
import { createMainWindow, desktopPaths, guardContents, lockDownSession, type DesktopPaths } from './window';

export interface DesktopOptions {
  /** The folder of the built entry (out/main): the renderer, preload and workers are found from it. */
  bundleDir: string;
  /** BACKPROP_USER_DATA, when set, replaces Electron's user-data folder (tests use a fresh one each). */
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}

/** What the wiring exposes to its test; the app itself needs none of it. */
export interface DesktopAppHandle<W extends DesktopWindow = DesktopWindow> {
  readonly paths: DesktopPaths;
  /** Resolves once the window is open and the API is bound; rejects if starting failed. */
  readonly ready: Promise<void>;
  readonly quit: QuitGuard;
  window(): W | null;
  services(): AppServices | null;
}

export function startDesktopApp<W extends DesktopWindow, M>(
  electron: DesktopElectron<W, M>,
  options: DesktopOptions,
): DesktopAppHandle<W> {
  const { app, ipcMain, Menu, dialog, session, BrowserWindow } = electron;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const paths = desktopPaths(options.bundleDir);

  // Before ready (the session's cookies, localStorage and caches go to sessionData, fixed at ready); setPath
  // throws for a folder that does not exist or a relative path.
  const userData = env.BACKPROP_USER_DATA;
  if (userData) {
    const dir = path.resolve(userData);
    mkdirSync(dir, { recursive: true });
    app.setPath('userData', dir);
    app.setPath('sessionData', dir);
  }
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  let mainWindow: W | null = null;
  let services: AppServices | null = null;
  let stopForwarding: (() => void) | null = null;

  /** Push an event to the page, if there still is one: after 'closed' a send would throw "Object has been destroyed". */
  const emit: Emit = (event, payload) => {
    const win = mainWindow;
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(channelOf(event), payload);
  };

  /** True only for calls from our own page in the main frame of our window. */
  function isTrustedSender(event: DesktopInvokeEvent): boolean {
    const win = mainWindow;
    if (!win || win.isDestroyed()) return false;
    const frame = event.senderFrame;
    return (
      event.sender === win.webContents &&
      frame !== null &&
      frame === win.webContents.mainFrame &&
      isRendererPage(frame.url, paths.rendererIndex, platform)
    );
  }

  function bindIpc(current: AppServices): void {
    const hostHandlers = createDesktopHandlers({
      dialog,
      window: () => mainWindow,
      files: current.files,
      models: { models: current.models, recentModels: current.recentModels },
    });
    const handlers = createHandlers(current, 'electron', app.getVersion(), hostHandlers);
    for (const method of METHOD_NAMES) {
      ipcMain.handle(channelOf(method), async (event, args): Promise<Reply> => {
        if (!isTrustedSender(event)) throw new Error(`refused ${method}: the call did not come from the app's own page`);
        return replyTo(() => dispatch(handlers, method, args));
      });
    }
  }

  /** The window and the event forwarding live and die together. */
  function openWindow(current: AppServices): void {
    const win = createMainWindow(BrowserWindow, paths);
    mainWindow = win;
    stopForwarding = forwardEvents(current, emit);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      stopForwarding?.();
      stopForwarding = null;
    });
  }

  // Cmd+Q disposes while the window is still open (it closes after): the events of stopping runs still reach it.
  const quit = holdQuitUntilDisposed(app, async () => {
    await services?.dispose();
  });
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(() => {
    lockDownSession(session.defaultSession);
    services = createAppServices({
      bundleDir: paths.bundleDir,
      resourcesDir: paths.resourcesDir,
      userDataDir: app.getPath('userData'),
      importLimits: importLimitsFromEnv(process.env),
    });
    bindIpc(services);
    openWindow(services);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((command) => emit('menu.command', { command }), platform)));
  });
  ready.catch((error: unknown) => {
    console.error('Backprop Studio could not start:', error);
    app.quit();
  });

  return { paths, ready, quit, window: () => mainWindow, services: () => services };
}
