/** The native menu: the usual roles plus the app's commands, which are forwarded to the renderer by name. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/names';

export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Open Dataset…', 'open-dataset', 'CmdOrCtrl+O'),
        item('Open Model…', 'open-model', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        item('Save Model', 'save-model', 'CmdOrCtrl+S'),
        item('Save Model As…', 'save-model-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
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
  return Menu.buildFromTemplate(template);
}
