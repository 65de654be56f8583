/**
 * The part of Electron's main-process API the desktop wiring uses, as narrow structural types: the real
 * `electron` module satisfies them (src/main/index.ts hands it over), and so does the recording fake of the
 * wiring test, so the wiring runs under plain Node without Electron. Type-only: nothing here loads Electron.
 */
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';

export type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, OpenDialogOptions, SaveDialogOptions };

/** An event a listener may cancel (will-navigate, before-quit, …). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A frame of a page; `url` is what Chromium shows for it (for our page: a file: URL built by loadFile). */
export interface DesktopFrame {
  readonly url: string;
}

/** Navigation and pop-up guards every web contents gets, whatever created it. */
export interface GuardedContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface DesktopWebContents extends GuardedContents {
  readonly mainFrame: DesktopFrame;
  send(channel: string, ...args: unknown[]): void;
  /** True once the page is gone (window closed): sending then throws "Object has been destroyed". */
  isDestroyed(): boolean;
}

export interface DesktopWindow {
  readonly webContents: DesktopWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  loadFile(filePath: string): Promise<void>;
  isDestroyed(): boolean;
}

export interface DesktopApp {
  whenReady(): Promise<void>;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: PreventableEvent, contents: GuardedContents) => void): unknown;
  /** Begins quitting: emits before-quit (cancellable), closes the windows, then exits. */
  quit(): void;
  getVersion(): string;
  getPath(name: 'userData'): string;
  setPath(name: string, path: string): void;
  enableSandbox(): void;
}

/** What an IPC invoke handler is told about its caller. */
export interface DesktopInvokeEvent {
  readonly sender: unknown;
  readonly senderFrame: DesktopFrame | null;
}

export interface DesktopIpcMain {
  handle(channel: string, listener: (event: DesktopInvokeEvent, args: unknown) => Promise<unknown>): void;
}

/** `M`: the module's menu object (Electron's Menu). */
export interface DesktopMenuModule<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
  setApplicationMenu(menu: M | null): void;
}

/** `W`: the window a dialog is modal to (Electron's BrowserWindow). */
export interface DesktopDialog<W extends DesktopWindow = DesktopWindow> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** What webRequest.onHeadersReceived tells about a response (the part the desktop app reads). */
export interface HeadersReceivedDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}

/** The headers a response goes on with (omitted: unchanged). */
export interface HeadersReceivedResponse {
  responseHeaders?: Record<string, string | string[]>;
}

export interface DesktopSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (details: HeadersReceivedDetails, callback: (response: HeadersReceivedResponse) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** The Electron main-process modules the desktop app is wired from (`W` its window class, `M` its menu). */
export interface DesktopElectron<W extends DesktopWindow = DesktopWindow, M = object> {
  app: DesktopApp;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  ipcMain: DesktopIpcMain;
  Menu: DesktopMenuModule<M>;
  dialog: DesktopDialog<W>;
  session: { readonly defaultSession: DesktopSession };
}
