/** The desktop host's host-specific handlers: native open/save dialogs; the chosen path is registered, never sent to the page. */
import path from 'node:path';
import type { DesktopDialog, DesktopWindow, OpenDialogOptions, SaveDialogOptions } from '../desktop/electron-api';
import type { FileRegistry } from '../services/files';
import type { ModelService } from '../services/models/service';
import type { RecentFiles } from '../services/models/recent-files';
import type { HostHandlers } from './dispatch';
import { DialogFolders, FILTERS } from './dialog-options';

export interface DesktopModelServices {
  models: ModelService;
  recentModels: RecentFiles;
}

export interface DesktopDialogDeps<W extends DesktopWindow> {
  /** Electron's dialog module (the e2e tests stub its methods through electronApp.evaluate). */
  dialog: DesktopDialog<W>;
  /** The window the dialogs are modal to, if it is still open. */
  window: () => W | null;
  files: FileRegistry;
  /** Must be given for models.save (Save / Save As… with a native dialog). */
  models?: DesktopModelServices;
}

/**
 * The path a model was saved to is remembered per model id, so a plain Save writes there again without
 * asking; each dialog opens in the folder last chosen for its kind of file.
 */
export function createDesktopHandlers<W extends DesktopWindow>({
  dialog,
  window,
  files,
  models,
}: DesktopDialogDeps<W>): HostHandlers {
  const savedPaths = new Map<string, string>();
  const folders = new DialogFolders();
  const showOpen = (options: OpenDialogOptions) => {
    const win = window();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  const showSave = (options: SaveDialogOptions) => {
    const win = window();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  return {
    'files.open': async (args) => {
      const defaultPath = folders.openPath(args.purpose);
      const result = await showOpen({
        properties: ['openFile'],
        filters: FILTERS[args.purpose],
        ...(defaultPath ? { defaultPath } : {}),
      });
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return null;
      folders.remember(args.purpose, chosen);
      const file = await files.registerPath(chosen);
      return { fileId: file.fileId, name: file.name, size: file.size };
    },
    'models.save': async (args) => {
      if (!models) throw new Error('models.save: the desktop host was started without the model service');
      const model = models.models.get(args.modelId);
      let target = args.saveAs ? undefined : savedPaths.get(args.modelId);
      if (!target) {
        const fileName = model.name.endsWith('.safetensors') ? model.name : `${model.name}.safetensors`;
        const result = await showSave({ defaultPath: folders.savePath('model', fileName), filters: FILTERS.model });
        if (result.canceled || !result.filePath) return { saved: false, name: null };
        target = result.filePath;
        folders.remember('model', target);
      }
      await models.models.save(target, model.snapshot);
      savedPaths.set(args.modelId, target);
      await models.recentModels.add(target).catch(() => undefined);
      return { saved: true, name: path.basename(target) };
    },
  };
}
