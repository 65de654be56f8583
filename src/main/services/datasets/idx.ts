/** MNIST-style idx files (gzipped or not): an images + labels pair, or a folder with the four published files. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Dataset } from '../../../core/datasets/dataset';
import { byteColumnStats } from '../../../core/datasets/byte-stats';
import { classBalance } from '../../../core/datasets/stats';
import { DatasetImportError } from './errors';
import { ImportBudget } from './import-budget';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, type ImportReport, type ImportResult } from '../../../shared/datasets';

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** A parsed idx file: its dimensions and unsigned-byte payload. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/**
 * Parse idx bytes (gunzipping when they start with the gzip magic, never past `maxBytes` of output: a gzip bomb stops
 * there). Only unsigned-byte idx (type 0x08) is accepted.
 */
export function parseIdx(bytes: Uint8Array, path: string, expectedDims: 1 | 3, maxBytes = Infinity): IdxArray {
  let raw: Uint8Array = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw, Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes } : {});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DatasetImportError(
          path,
          `the file decompresses to more than ${maxBytes.toLocaleString('en')} bytes, over the import memory budget; raise the budget (--memory-budget in the CLI, BACKPROP_MEMORY_BUDGET for the app)`,
        );
      }
      throw new DatasetImportError(path, `the gzip data is corrupt or truncated: ${(e as Error).message}`);
    }
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const expectedMagic = 0x0800 + expectedDims;
  const what =
    expectedDims === 3 ? 'images (0x00000803: unsigned bytes, 3 dimensions)' : 'labels (0x00000801: unsigned bytes, 1 dimension)';
  if (raw.byteLength < 4 || view.getUint32(0) !== expectedMagic) {
    const magic = raw.byteLength >= 4 ? `0x${view.getUint32(0).toString(16).padStart(8, '0')}` : `${raw.byteLength} bytes`;
    const expected = `0x${expectedMagic.toString(16).padStart(8, '0')}`;
    const summary = `corrupt idx header: magic number ${magic}, expected ${what}`;
    throw DatasetImportError.because(path, summary, 'idx-bad-magic', { magic, expected });
  }
  const headerBytes = 4 + 4 * expectedDims;
  if (raw.byteLength < headerBytes) {
    const summary = `corrupt idx header: the file ends inside the header (${raw.byteLength} bytes)`;
    throw DatasetImportError.because(path, summary, 'idx-truncated-header', { bytes: raw.byteLength });
  }
  const dims = Array.from({ length: expectedDims }, (_, k) => view.getUint32(4 + 4 * k));
  const size = dims.reduce((a, b) => a * b, 1);
  if (raw.byteLength - headerBytes !== size) {
    throw new DatasetImportError(
      path,
      `corrupt idx file: the header says ${dims.join('×')} = ${size} bytes of data, the file holds ${raw.byteLength - headerBytes}`,
    );
  }
  return { dims, data: raw.subarray(headerBytes) };
}

/** Build a dataset from parsed images (N×R×C) and labels (N): pixels scaled to [0, 1] on a SharedArrayBuffer. */
export function idxToDataset(
  images: IdxArray,
  labels: IdxArray,
  name: string,
  classNames: string[] | null,
  imagesPath: string,
): Dataset {
  const [n, rows, cols] = images.dims;
  if (labels.dims[0] !== n) {
    throw new DatasetImportError(imagesPath, `mismatched counts: ${n} images but ${labels.dims[0]} labels`);
  }
  let maxLabel = 0;
  for (let i = 0; i < n; i++) maxLabel = Math.max(maxLabel, labels.data[i]);
  const names = classNames ?? Array.from({ length: Math.max(10, maxLabel + 1) }, (_, k) => String(k));
  if (maxLabel >= names.length)
    throw new DatasetImportError(imagesPath, `label ${maxLabel} is out of range for ${names.length} classes`);
  const d = rows * cols;
  const x = new Float32Array(new SharedArrayBuffer(n * d * 4));
  const inv = 1 / 255;
  for (let i = 0; i < x.length; i++) x[i] = images.data[i] * inv;
  const featureNames = Array.from({ length: d }, (_, k) => `px${Math.floor(k / cols)}_${k % cols}`);
  return {
    name,
    n,
    d,
    x,
    featureNames,
    target: { kind: 'classes', classNames: names, y: Int32Array.from(labels.data) },
    imageShape: [rows, cols],
  };
}

/** Read and parse one idx file within the limits: the file size first, then its decompressed size (pixels become 4-byte floats). */
async function load(path: string, dims: 1 | 3, limits: ImportLimits): Promise<IdxArray> {
  const cannot = (e: Error): never => {
    throw new DatasetImportError(path, `cannot read the file: ${e.message}`);
  };
  const { size } = await stat(path).catch(cannot);
  if (size > limits.maxFileBytes)
    throw new DatasetImportError(
      path,
      `the file is ${size.toLocaleString('en')} bytes, over the ${limits.maxFileBytes.toLocaleString('en')}-byte limit`,
    );
  const bytes = await readFile(path).catch(cannot);
  return parseIdx(bytes, path, dims, Math.floor(limits.memoryBudgetBytes / 4) + 16);
}

export function idxReport(dataset: Dataset, pixels: Uint8Array, warnings: string[]): ImportReport {
  const preview = Array.from({ length: Math.min(5, dataset.n) }, (_, i) => [
    `row ${i}`,
    dataset.target.kind === 'classes' ? dataset.target.classNames[dataset.target.y[i]] : '',
  ]);
  return {
    format: 'idx',
    rows: dataset.n,
    droppedRows: 0,
    dropReasons: {},
    delimiter: null,
    header: null,
    columns: byteColumnStats(pixels, dataset.n, dataset.d, dataset.featureNames, 1 / 255),
    classBalance: classBalance(dataset.target),
    preview,
    warnings,
    problems: [],
    totalProblems: 0,
  };
}

const isFashion = (path: string) => /fashion/i.test(path);

/** Import an images + labels pair within the limits. Fashion-MNIST class names are used when the path mentions "fashion". */
export async function importIdxPair(
  imagesPath: string,
  labelsPath: string,
  name?: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  const [images, labels] = await Promise.all([load(imagesPath, 3, limits), load(labelsPath, 1, limits)]);
  const d = (images.dims[1] ?? 0) * (images.dims[2] ?? 0);
  new ImportBudget(imagesPath, limits, 4 * d + 4).check(images.dims[0]);
  const dataset = idxToDataset(
    images,
    labels,
    name ?? basename(imagesPath).replace(/[-.]idx3-ubyte(\.gz)?$/, ''),
    isFashion(imagesPath) ? FASHION_MNIST_CLASSES : null,
    imagesPath,
  );
  return { dataset, report: idxReport(dataset, images.data, []) };
}

/** Find `<prefix>-images-idx3-ubyte[.gz]` style files (also the `.idx3-ubyte` spelling) in a folder listing. */
function find(files: string[], prefix: 'train' | 't10k', kind: 'images' | 'labels'): string | undefined {
  const re = new RegExp(`^${prefix}-${kind}[.-]idx${kind === 'images' ? 3 : 1}-ubyte(\\.gz)?$`, 'i');
  return files.find((f) => re.test(f));
}

/** Import a folder with the four published files: train becomes the dataset, t10k the published test set. */
export async function importIdxFolder(folder: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportResult> {
  const files = await readdir(folder).catch((e: Error) => {
    throw new DatasetImportError(folder, `cannot read the folder: ${e.message}`);
  });
  const need = {
    trainImages: find(files, 'train', 'images'),
    trainLabels: find(files, 'train', 'labels'),
    testImages: find(files, 't10k', 'images'),
    testLabels: find(files, 't10k', 'labels'),
  };
  const missing = Object.entries(need)
    .filter(([, f]) => f === undefined)
    .map(([k]) => k);
  if (missing.length > 0 || !need.trainImages || !need.trainLabels || !need.testImages || !need.testLabels) {
    throw new DatasetImportError(
      folder,
      `the folder lacks ${missing.join(', ')}; expected train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (optionally .gz)`,
    );
  }
  const name = isFashion(folder) ? 'Fashion-MNIST' : basename(folder);
  const train = await importIdxPair(join(folder, need.trainImages), join(folder, need.trainLabels), name, limits);
  const test = await importIdxPair(join(folder, need.testImages), join(folder, need.testLabels), `${name} (test)`, limits);
  if (test.dataset.d !== train.dataset.d)
    throw new DatasetImportError(
      folder,
      `train images are ${train.dataset.imageShape?.join('×')}, test images ${test.dataset.imageShape?.join('×')}`,
    );
  return { dataset: train.dataset, report: train.report, publishedTest: test.dataset };
}
