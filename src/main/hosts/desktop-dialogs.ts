/** The desktop host's host-specific handlers: native open/save dialogs; the chosen path is registered, never sent to the page. */
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { FileRegistry } from '../services/files';
import type { ModelService } from '../services/models/service';
import type { RecentFiles } from '../services/models/recent-files';
import type { HostHandlers } from './dispatch';

const FILTERS = {
  dataset: [
    { name: 'Datasets', extensions: ['csv', 'gz', 'tsv', 'txt', 'idx', 'idx1-ubyte', 'idx3-ubyte'] },
    { name: 'All files', extensions: ['*'] },
  ],
  model: [{ name: 'Backprop Studio models', extensions: ['safetensors'] }],
};

export interface DesktopModelServices {
  models: ModelService;
  recentModels: RecentFiles;
}

/**
 * `models` must be given for models.save (Save / Save As… with a native dialog); the path a model was saved to is
 * remembered per model id, so a plain Save writes there again without asking.
 */
export function createDesktopHandlers(window: () => BrowserWindow | null, files: FileRegistry, models?: DesktopModelServices): HostHandlers {
  const savedPaths = new Map<string, string>();
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
    'models.save': async (args) => {
      if (!models) throw new Error('models.save: the desktop host was started without the model service');
      const model = models.models.get(args.modelId);
      let target = args.saveAs ? undefined : savedPaths.get(args.modelId);
      if (!target) {
        const win = window();
        const defaultPath = model.name.endsWith('.safetensors') ? model.name : `${model.name}.safetensors`;
        const options = { defaultPath, filters: FILTERS.model };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return { saved: false, name: null };
        target = result.filePath;
      }
      await models.models.save(target, model.snapshot);
      savedPaths.set(args.modelId, target);
      await models.recentModels.add(target).catch(() => undefined);
      return { saved: true, name: path.basename(target) };
    },
  };
}
