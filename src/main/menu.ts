/** The native menu: the usual roles plus the app's commands, which are forwarded to the renderer by name. */
import type { MenuItemConstructorOptions } from './desktop/electron-api';
import type { MenuCommand } from '../shared/names';

/**
 * The menu's template (pure: the wiring test checks it). Quit is the `quit` role (File → Quit, or the app
 * menu's Quit and Cmd+Q on macOS): it calls app.quit(), whose before-quit the desktop app holds until the
 * services are disposed.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Open Dataset…', 'open-dataset', 'CmdOrCtrl+O'),
        item('Open Model…', 'open-model', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        item('Save Model', 'save-model', 'CmdOrCtrl+S'),
        item('Save Model As…', 'save-model-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Run',
      submenu: [item('Train', 'train', 'CmdOrCtrl+Enter'), item('Stop', 'stop', 'CmdOrCtrl+.')],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
