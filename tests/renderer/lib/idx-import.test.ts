/** The idx pair import: images files recognised by name, the labels file asked for second, errors kept for the panel. */
import { describe, expect, it } from 'vitest';
import { IdxImport, isIdxImagesName } from '../../../src/renderer/src/lib/idx-import.svelte';
import { FakeApi, datasetSummary } from '../fake-api';

const images = { fileId: 'f-images', name: 'train-images-idx3-ubyte.gz', size: 10 };
const labels = { fileId: 'f-labels', name: 'train-labels-idx1-ubyte.gz', size: 10 };

describe('isIdxImagesName', () => {
  it('recognises MNIST images file names, gzipped or not', () => {
    for (const name of ['train-images-idx3-ubyte', 't10k-images-idx3-ubyte.gz', 'digits.idx3', 'X.IDX3'])
      expect(isIdxImagesName(name)).toBe(true);
  });

  it('leaves CSV files and idx labels files to the default path', () => {
    for (const name of ['iris.csv', 'train-labels-idx1-ubyte', 'data.tsv.gz']) expect(isIdxImagesName(name)).toBe(false);
  });
});

describe('IdxImport', () => {
  it('imports the images file with the labels file chosen second, then clears the prompt', async () => {
    const summary = datasetSummary({ n: 60, d: 784 });
    const opened = [images, labels];
    const api = new FakeApi({ 'files.open': () => opened.shift() ?? null, 'datasets.importIdx': () => summary });
    const idx = new IdxImport(api);
    await idx.chooseImages();
    expect(idx.images).toEqual(images);
    expect(await idx.chooseLabels()).toBe(summary);
    expect(api.called('datasets.importIdx')).toEqual([{ imagesFileId: 'f-images', labelsFileId: 'f-labels' }]);
    expect(idx.images).toBeNull();
  });

  it('keeps waiting for the labels when the user cancels the second picker', async () => {
    const api = new FakeApi({ 'files.open': () => null });
    const idx = new IdxImport(api);
    idx.start(images);
    expect(await idx.chooseLabels()).toBeNull();
    expect(idx.images).toEqual(images);
    expect(api.called('datasets.importIdx')).toEqual([]);
  });

  it('shows the service error (e.g. mismatched counts) and keeps the images file for another try', async () => {
    const message = 'train-labels-idx1-ubyte: 59 labels but 60 images';
    const api = new FakeApi({ 'files.open': () => labels, 'datasets.importIdx': () => Promise.reject(new Error(message)) });
    const idx = new IdxImport(api);
    idx.start(images);
    expect(await idx.chooseLabels()).toBeNull();
    expect(idx.error).toBe(message);
    expect(idx.images).toEqual(images);
    expect(idx.busy).toBe(false);
  });
});
