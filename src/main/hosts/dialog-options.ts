/**
 * The pure part of the desktop's native file dialogs: which files each dialog lists (its filters) and which
 * folder it opens in (the last one the user chose for that kind of file).
 */
import path from 'node:path';

export type DialogPurpose = 'dataset' | 'model';

/** Electron's file filter: extensions without dots; '*' (the only wildcard) lists every file. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

/**
 * The first filter is the one a dialog starts with. The dataset dialog starts with every file listed: the
 * original MNIST files (train-images-idx3-ubyte, t10k-labels-idx1-ubyte) have no extension, and no extension
 * filter can match a name without one. The narrower filters follow for a folder full of other things.
 */
export const FILTERS: Record<DialogPurpose, FileFilter[]> = {
  dataset: [
    { name: 'Datasets (CSV, TSV, gzip, idx with or without an extension)', extensions: ['*'] },
    { name: 'CSV and TSV', extensions: ['csv', 'tsv', 'txt', 'gz'] },
    { name: 'idx (MNIST format)', extensions: ['idx', 'idx1-ubyte', 'idx3-ubyte', 'ubyte', 'gz'] },
    ALL_FILES,
  ],
  model: [{ name: 'Backprop Studio models', extensions: ['safetensors'] }, ALL_FILES],
};

/** Whether a dialog showing `filter` lists the file `fileName`, as Electron's dialogs match (case-insensitive suffix `.ext`). */
export function filterShows(filter: FileFilter, fileName: string): boolean {
  const name = fileName.toLowerCase();
  return filter.extensions.some((ext) => ext === '*' || name.endsWith(`.${ext.toLowerCase()}`));
}

/**
 * The folder each kind of dialog last chose from, passed back as defaultPath: since Electron 43 a dialog
 * without one opens in Downloads, so the idx labels picker would not reopen the images' folder.
 */
export class DialogFolders {
  private readonly last = new Map<DialogPurpose, string>();

  /** Remember the folder of a file the user just chose (opened or saved). */
  remember(purpose: DialogPurpose, filePath: string): void {
    this.last.set(purpose, path.dirname(filePath));
  }

  /** defaultPath of an open dialog: the last folder, or undefined (the system's choice) before any. */
  openPath(purpose: DialogPurpose): string | undefined {
    return this.last.get(purpose);
  }

  /** defaultPath of a save dialog: `fileName` inside the last folder, or the bare name before any. */
  savePath(purpose: DialogPurpose, fileName: string): string {
    const folder = this.last.get(purpose);
    return folder === undefined ? fileName : path.join(folder, fileName);
  }
}
