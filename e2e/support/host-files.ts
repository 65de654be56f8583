/**
 * How a spec's file choices reach the app under test. In the web project, the browser's own file chooser and
 * downloads. In the electron project, the app opens files through Electron's native dialogs, which no test can
 * click: the dialog module is stubbed in the main process (electronApp.evaluate) to answer with the file, so the
 * app takes its real desktop path (files.open → dialog → registerPath); a download's save dialog is answered
 * through the session's will-download (setSavePath). The fixture registers the right one for each page.
 */
import type { ElectronApplication, Page } from '@playwright/test';

export interface SavedFile {
  /** The file name the app suggested. */
  name: string;
  /** Where it was saved on disk. */
  path: string;
}

export interface HostFiles {
  /** Run `open` (the click that asks for a file), answering the file dialog it opens with `filePath`. */
  choose(filePath: string, open: () => Promise<void>): Promise<void>;
  /** Run `save` (the click that saves a file for the user) and resolve with the file it saved. */
  save(save: () => Promise<void>): Promise<SavedFile>;
}

const registered = new WeakMap<Page, HostFiles>();

/** The fixture says how `page`'s files are chosen and saved. */
export function registerHostFiles(page: Page, files: HostFiles): void {
  registered.set(page, files);
}

/** How `page`'s files are chosen and saved (the browser's way unless the fixture registered another). */
export function hostFiles(page: Page): HostFiles {
  return registered.get(page) ?? browserFiles(page);
}

export function browserFiles(page: Page): HostFiles {
  return {
    async choose(filePath, open) {
      const chooser = page.waitForEvent('filechooser');
      await open();
      await (await chooser).setFiles(filePath);
    },
    async save(save) {
      const download = page.waitForEvent('download');
      await save();
      const done = await download;
      return { name: done.suggestedFilename(), path: await done.path() };
    },
  };
}

/** Electron's native dialogs, answered in the main process; downloads are saved into `downloadDir`. */
export function electronFiles(electronApp: ElectronApplication, downloadDir: string): HostFiles {
  return {
    async choose(filePath, open) {
      await electronApp.evaluate(({ dialog }, chosen) => {
        dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [chosen] });
      }, filePath);
      await open();
    },
    async save(save) {
      // Answer the next download's save dialog, and keep a promise of its completion in the main process.
      await electronApp.evaluate(({ session }, dir) => {
        const holder = globalThis as { backpropE2eSaved?: Promise<{ name: string; path: string }> };
        holder.backpropE2eSaved = new Promise((resolve, reject) => {
          session.defaultSession.once('will-download', (_event, item) => {
            const target = `${dir}/${item.getFilename()}`;
            item.setSavePath(target);
            item.once('done', (_done, state) =>
              state === 'completed'
                ? resolve({ name: item.getFilename(), path: target })
                : reject(new Error(`download ${state}`)),
            );
          });
        });
      }, downloadDir);
      await save();
      return electronApp.evaluate(() => {
        const holder = globalThis as { backpropE2eSaved?: Promise<{ name: string; path: string }> };
        if (!holder.backpropE2eSaved) throw new Error('no download was awaited');
        return holder.backpropE2eSaved;
      });
    },
  };
}
