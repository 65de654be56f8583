/**
 * Electron entry: hands Electron's main-process modules to the desktop wiring (src/main/desktop/desktop-app.ts),
 * which builds the one locked-down window, the native menu, the IPC binding of the shared API and the quit lifecycle.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktopApp } from './desktop/desktop-app';

startDesktopApp<BrowserWindow, Menu>(
  { app, BrowserWindow, dialog, ipcMain, Menu, session },
  { bundleDir: path.dirname(fileURLToPath(import.meta.url)) },
);
