/** The native dialogs' pure part: the dataset dialog lists MNIST's extensionless idx files, and each dialog reopens its last folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DialogFolders, FILTERS, filterShows } from '../../../src/main/hosts/dialog-options';

describe('FILTERS', () => {
  it.each(['train-images-idx3-ubyte', 't10k-labels-idx1-ubyte', 'train-images.idx3-ubyte', 'iris.csv', 'scores.TSV', 'mnist.gz'])(
    'the dataset dialog starts with a filter that lists %s',
    (name) => {
      expect(filterShows(FILTERS.dataset[0], name)).toBe(true);
    },
  );

  it('offers narrower filters and ends with "All files" in every dialog', () => {
    const csv = FILTERS.dataset.find((f) => f.name.startsWith('CSV'));
    expect(csv && filterShows(csv, 'iris.csv')).toBe(true);
    expect(csv && filterShows(csv, 'train-images-idx3-ubyte')).toBe(false);
    for (const filters of Object.values(FILTERS)) expect(filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('starts the model dialog on .safetensors files', () => {
    expect(filterShows(FILTERS.model[0], 'spiral.safetensors')).toBe(true);
    expect(filterShows(FILTERS.model[0], 'spiral.csv')).toBe(false);
  });

  it('writes extensions as Electron wants them: no dots, no wildcard other than a lone *', () => {
    for (const filter of Object.values(FILTERS).flat()) {
      for (const ext of filter.extensions) expect(ext === '*' || /^[\w-]+$/.test(ext), ext).toBe(true);
    }
  });
});

describe('DialogFolders', () => {
  it('has no default folder before a choice (the system decides)', () => {
    const folders = new DialogFolders();
    expect(folders.openPath('dataset')).toBeUndefined();
    expect(folders.savePath('model', 'spiral.safetensors')).toBe('spiral.safetensors');
  });

  it('reopens the folder of the last chosen file, per kind of file', () => {
    const folders = new DialogFolders();
    const images = path.join(path.sep, 'data', 'MNIST raw', 'train-images-idx3-ubyte');
    folders.remember('dataset', images);
    expect(folders.openPath('dataset')).toBe(path.dirname(images));
    expect(folders.openPath('model')).toBeUndefined();
    folders.remember('model', path.join(path.sep, 'models', 'a.safetensors'));
    expect(folders.savePath('model', 'b.safetensors')).toBe(path.join(path.sep, 'models', 'b.safetensors'));
  });
});
