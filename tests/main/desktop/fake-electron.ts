/**
 * A small recording fake of Electron's main-process API (app, BrowserWindow, ipcMain, Menu, dialog, session),
 * for the desktop WIRING test: it is not Electron and proves nothing about Chromium. It models the behaviour
 * the wiring depends on, as Electron 45 documents it: app.quit() emits a cancellable before-quit, then closes
 * the windows WITHOUT window-all-closed, then will-quit and quit; closing the last window otherwise emits
 * window-all-closed; a destroyed webContents throws "Object has been destroyed" on send; ipcMain.handle
 * refuses a second handler for a channel; loadFile builds its URL with url.format, as Electron's does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  DesktopElectron,
  DesktopFrame,
  DesktopInvokeEvent,
  DesktopSession,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  PreventableEvent,
  SaveDialogOptions,
} from '../../../src/main/desktop/electron-api';

type Listener = (...args: never[]) => void;

class Emitter {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }
  once(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  protected emit(event: string, ...args: unknown[]): void {
    const all = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      all.filter((l) => !l.once),
    );
    for (const { listener } of all) (listener as (...a: unknown[]) => void)(...args);
  }
}

/** A cancellable event, as Electron passes to before-quit and will-navigate. */
export function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends Emitter {
  readonly mainFrame: DesktopFrame & { url: string } = { url: '' };
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: (() => { action: 'deny' }) | null = null;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.sent.push({ channel, payload: args[0] });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Fire a navigation event and say whether a listener cancelled it. */
  tryNavigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview'): boolean {
    const e = preventable();
    this.emit(event, e);
    return !e.defaultPrevented;
  }
}

export class FakeApp extends Emitter {
  readonly log: string[] = [];
  readonly paths = new Map<string, string>([['userData', mkdtempSync(path.join(tmpdir(), 'fake-electron-userdata-'))]]);
  windows: FakeBrowserWindow[] = [];
  quitting = false;
  exits = 0;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private resolveExited: () => void = () => undefined;
  private resolveFirstWindow: (win: FakeBrowserWindow) => void = () => undefined;
  /** Resolves with the first window the app opens. */
  readonly firstWindow = new Promise<FakeBrowserWindow>((resolve) => (this.resolveFirstWindow = resolve));
  /** Resolves when the app has quit (will-quit and quit emitted). */
  readonly exited = new Promise<void>((resolve) => (this.resolveExited = resolve));

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Electron became ready (the test decides when, to check what happened before). */
  becomeReady(): void {
    this.log.push('ready');
    this.resolveReady();
  }
  quit(): void {
    this.log.push('quit');
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitting = true;
    for (const win of [...this.windows]) win.close();
    this.emit('will-quit', preventable());
    this.emit('quit');
    this.exits += 1;
    this.resolveExited();
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`fake app.getPath: ${name} is not faked`);
    return value;
  }
  setPath(name: string, value: string): void {
    if (!path.isAbsolute(value)) throw new Error('Path must be absolute'); // as Electron's App::SetPath
    this.log.push(`setPath ${name}`);
    this.paths.set(name, value);
  }
  enableSandbox(): void {
    this.log.push('enableSandbox');
  }
  /** Electron emits this for every web contents it creates. */
  contentsCreated(contents: FakeWebContents): void {
    this.emit('web-contents-created', preventable(), contents);
  }
  windowOpened(win: FakeBrowserWindow): void {
    this.windows.push(win);
    this.resolveFirstWindow(win);
  }
  windowClosed(win: FakeBrowserWindow): void {
    this.windows = this.windows.filter((w) => w !== win);
    if (this.windows.length === 0 && !this.quitting) this.emit('window-all-closed');
  }
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  shown = false;
  destroyed = false;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly app: FakeApp,
  ) {
    super();
    app.windowOpened(this);
    app.contentsCreated(this.webContents);
  }
  /** Like Electron's: url.format of the resolved path; the frame URL is then canonicalised as a browser does. */
  async loadFile(filePath: string): Promise<void> {
    this.webContents.mainFrame.url = new URL(format({ protocol: 'file', slashes: true, pathname: path.resolve(filePath) })).href;
    this.emit('ready-to-show');
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user closes the window: close, then closed; the web contents is gone from then on. */
  close(): void {
    if (this.destroyed) return;
    this.emit('close', preventable());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    this.app.windowClosed(this);
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: DesktopInvokeEvent, args: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: DesktopInvokeEvent, args: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** What ipcRenderer.invoke(channel, args) from `sender`'s frame would get. */
  invoke(
    channel: string,
    sender: FakeWebContents,
    args: unknown,
    frame: DesktopFrame | null = sender.mainFrame,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler({ sender, senderFrame: frame }, args);
  }
}

export interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

export function fakeElectron() {
  const app = new FakeApp();
  const ipcMain = new FakeIpcMain();
  const menus: FakeMenu[] = [];
  const applicationMenu: { current: FakeMenu | null } = { current: null };
  const dialogCalls: { kind: 'open' | 'save'; options: OpenDialogOptions | SaveDialogOptions }[] = [];
  const permission = {
    request: null as null | ((c: unknown, p: string, cb: (granted: boolean) => void) => void),
    check: null as null | (() => boolean),
  };
  const webRequest = { headersReceived: null as null | Parameters<DesktopSession['webRequest']['onHeadersReceived']>[0] };
  const dialogAnswer = async () => ({ canceled: true, filePaths: [] as string[], filePath: '' });
  const electron: DesktopElectron<FakeBrowserWindow, FakeMenu> = {
    app,
    BrowserWindow: class extends FakeBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, app);
      }
    },
    ipcMain,
    Menu: {
      buildFromTemplate: (template) => {
        const menu = { template };
        menus.push(menu);
        return menu;
      },
      setApplicationMenu: (menu) => (applicationMenu.current = menu),
    },
    dialog: {
      showOpenDialog: (...args: [FakeBrowserWindow, OpenDialogOptions] | [OpenDialogOptions]) => {
        dialogCalls.push({ kind: 'open', options: args.length === 2 ? args[1] : args[0] });
        return dialogAnswer();
      },
      showSaveDialog: (...args: [FakeBrowserWindow, SaveDialogOptions] | [SaveDialogOptions]) => {
        dialogCalls.push({ kind: 'save', options: args.length === 2 ? args[1] : args[0] });
        return dialogAnswer();
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler) => (permission.request = handler),
        setPermissionCheckHandler: (handler) => (permission.check = handler),
        webRequest: { onHeadersReceived: (listener) => (webRequest.headersReceived = listener) },
      },
    },
  };
  return { electron, app, ipcMain, menus, applicationMenu, dialogCalls, permission, webRequest };
}
