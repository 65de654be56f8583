/** The desktop host's host-specific handlers: native open/save dialogs; the chosen path is registered, never sent to the page. */
import { dialog, type BrowserWindow } from 'electron';
import type { FileRegistry } from '../services/files';
import type { HostHandlers } from './dispatch';

const FILTERS = {
  dataset: [
    { name: 'Datasets', extensions: ['csv', 'gz', 'tsv', 'txt', 'idx', 'idx1-ubyte', 'idx3-ubyte'] },
    { name: 'All files', extensions: ['*'] },
  ],
  model: [{ name: 'Backprop Studio models', extensions: ['safetensors'] }],
};

export function createDesktopHandlers(window: () => BrowserWindow | null, files: FileRegistry): HostHandlers {
  return {
    'files.open': async (args) => {
      const win = window();
      const options = { properties: ['openFile' as const], filters: FILTERS[args.purpose] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return null;
      const file = await files.registerPath(chosen);
      return { fileId: file.fileId, name: file.name, size: file.size };
    },
  };
}
