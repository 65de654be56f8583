/**
 * The one locked-down window (context isolation, sandbox, no Node in the page, no navigation, no new
 * windows) and the session's permission refusals and Content-Security-Policy header (the page directives are also in
 * the <meta> of src/renderer/index.html; frame-ancestors works only as a header: hosts/content-security-policy.ts).
 */
import path from 'node:path';
import type { DesktopElectron, DesktopSession, DesktopWindow, GuardedContents } from './electron-api';
import { findResourcesDir } from '../resources';
import { contentSecurityPolicyHeader } from '../hosts/content-security-policy';

/** Where the built desktop app's files are, from the folder of the built entry (out/main). */
export interface DesktopPaths {
  bundleDir: string;
  rendererIndex: string;
  preload: string;
  icon: string;
  resourcesDir: string;
}

export function desktopPaths(bundleDir: string): DesktopPaths {
  const resourcesDir = findResourcesDir(bundleDir);
  return {
    bundleDir,
    rendererIndex: path.resolve(bundleDir, '../renderer/index.html'),
    preload: path.resolve(bundleDir, '../preload/index.cjs'),
    icon: path.join(resourcesDir, 'icon.png'),
    resourcesDir,
  };
}

/** No pop-ups, no navigation away from our page, no <webview>: for every web contents, whoever made it. */
export function guardContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The page asks for no permission (camera, notifications, …), so every request and check is refused; every response
 * (the file:// page included) carries the policy as a header, replacing any the response had.
 */
export function lockDownSession(session: DesktopSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const policy = contentSecurityPolicyHeader();
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.entries(details.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    );
    callback({ responseHeaders: { ...Object.fromEntries(headers), 'Content-Security-Policy': [policy] } });
  });
}

export function createMainWindow<W extends DesktopWindow>(
  BrowserWindow: DesktopElectron<W>['BrowserWindow'],
  paths: DesktopPaths,
): W {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: 'Backprop Studio',
    icon: paths.icon,
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(paths.rendererIndex);
  return win;
}
