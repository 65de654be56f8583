/**
 * Electron entry: one locked-down window (context isolation, sandbox, no Node in the page, strict CSP,
 * no navigation, no new windows, no permissions), the native menu, and the IPC binding of the shared API.
 */
import { app, BrowserWindow, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventPayloads } from '../shared/api';
import { METHOD_NAMES, channelOf, type EventName } from '../shared/names';
import { replyTo, type Reply } from '../shared/reply';
import { createAppServices, type AppServices } from './services/app';
import { createHandlers } from './hosts/handlers';
import { dispatch } from './hosts/dispatch';
import { forwardEvents } from './hosts/events';
import { buildMenu } from './menu';
import { findResourcesDir } from './resources';
import { createDesktopHandlers } from './hosts/desktop-dialogs';

const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.resolve(bundleDir, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const resourcesDir = findResourcesDir(bundleDir);

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;

/** True only for calls from our own page in the main frame of our window. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    event.sender === mainWindow.webContents &&
    frame !== null &&
    frame === mainWindow.webContents.mainFrame &&
    frame.url === rendererUrl
  );
}

function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  mainWindow?.webContents.send(channelOf(event), payload);
}

function bindIpc(current: AppServices): void {
  const handlers = createHandlers(current, 'electron', app.getVersion(), createDesktopHandlers(() => mainWindow, current.files, { models: current.models, recentModels: current.recentModels }));
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, args: unknown): Promise<Reply> => {
      if (!isTrustedSender(event)) throw new Error(`refused ${method}: the call did not come from the app's own page`);
      return replyTo(() => dispatch(handlers, method, args));
    });
  }
}

function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: 'Backprop Studio',
    icon: path.join(resourcesDir, 'icon.png'),
    show: false,
    webPreferences: {
      preload: path.resolve(bundleDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

// Tests (and anyone who wants a separate profile) choose the user-data folder, as with the web host.
if (process.env.BACKPROP_USER_DATA) app.setPath('userData', process.env.BACKPROP_USER_DATA);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  lockDownSession();
  services = createAppServices({ bundleDir, resourcesDir, userDataDir: app.getPath('userData') });
  bindIpc(services);
  forwardEvents(services, emit);
  mainWindow = createWindow();
  Menu.setApplicationMenu(buildMenu((command) => emit('menu.command', { command })));
});

app.on('window-all-closed', () => {
  void services?.dispose().finally(() => app.quit());
});
