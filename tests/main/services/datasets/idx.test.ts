import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES, importIdxFolder, importIdxPair, parseIdx } from '../../../../src/main/services/datasets/idx';

const tmp = mkdtempSync(join(tmpdir(), 'idx-'));
const FASHION = '/usr/share/datasets/fashion-mnist';

/** An unsigned-byte idx file: magic 0x0000080N, big-endian dims, then the bytes. */
function idx(dims: number[], data: number[], magic = 0x0800 + dims.length): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([header, Buffer.from(data)]);
}

function write(name: string, bytes: Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

describe('idx pairs', () => {
  it('scales pixels to [0, 1], keeps the image shape and names classes 0..9', async () => {
    const images = write('a-images-idx3-ubyte', idx([2, 2, 2], [0, 255, 51, 102, 255, 0, 0, 0]));
    const labels = write('a-labels-idx1-ubyte.gz', gzipSync(idx([2], [3, 9])));
    const { dataset } = await importIdxPair(images, labels);
    expect(Array.from(dataset.x)).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0].map(Math.fround));
    expect(dataset.imageShape).toEqual([2, 2]);
    expect(dataset.target).toMatchObject({ kind: 'classes', classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
    expect(dataset.target.kind === 'classes' && Array.from(dataset.target.y)).toEqual([3, 9]);
    expect(dataset.x.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('rejects mismatched image and label counts', async () => {
    const images = write('b-images-idx3-ubyte', idx([2, 1, 1], [0, 1]));
    const labels = write('b-labels-idx1-ubyte', idx([3], [0, 1, 2]));
    await expect(importIdxPair(images, labels)).rejects.toThrow('b-images-idx3-ubyte: mismatched counts: 2 images but 3 labels');
  });

  it('rejects a corrupt header, naming the magic number found and the one expected', () => {
    expect(() => parseIdx(idx([2, 1, 1], [0, 1], 0x0901), 'x.idx', 3)).toThrow(
      'x.idx: corrupt idx header: magic number 0x00000901, expected images (0x00000803: unsigned bytes, 3 dimensions)',
    );
  });

  it('rejects a file whose data length disagrees with its header', () => {
    expect(() => parseIdx(idx([3], [0, 1]), 'l.idx', 1)).toThrow(
      'l.idx: corrupt idx file: the header says 3 = 3 bytes of data, the file holds 2',
    );
  });

  it('rejects truncated gzip data', () => {
    const gz = gzipSync(idx([2], [0, 1]));
    expect(() => parseIdx(gz.subarray(0, gz.length - 6), 'l.gz', 1)).toThrow(/l\.gz: the gzip data is corrupt or truncated/);
  });
});

describe.skipIf(!existsSync(FASHION))('the Fashion-MNIST folder (Debian dataset-fashion-mnist)', () => {
  it('gives the published 60,000 / 10,000 split with Fashion-MNIST class names', async () => {
    const { dataset, publishedTest, report } = await importIdxFolder(FASHION);
    expect([dataset.n, dataset.d, publishedTest?.n]).toEqual([60000, 784, 10000]);
    expect(dataset.name).toBe('Fashion-MNIST');
    expect(dataset.target).toMatchObject({ classNames: FASHION_MNIST_CLASSES });
    expect(report.classBalance.map((c) => c.count)).toEqual(Array(10).fill(6000));
    let max = 0;
    for (let i = 0; i < dataset.x.length; i++) max = Math.max(max, dataset.x[i]);
    expect(max).toBe(1);
  });

  it('names the missing files when a folder lacks some', async () => {
    await expect(importIdxFolder(tmp)).rejects.toThrow(
      /lacks trainImages, trainLabels, testImages, testLabels; expected train-images-idx3-ubyte/,
    );
  });
});

describe('idx budgets', () => {
  it('stops decompressing an idx gzip bomb at the budget (pixels become 4-byte floats) and names it', async () => {
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x0803, 0);
    header.writeUInt32BE(64 * 1024, 4);
    header.writeUInt32BE(32, 8);
    header.writeUInt32BE(32, 12);
    const zeros = gzipSync(Buffer.alloc(1 << 20));
    const images = join(tmp, 'bomb-images-idx3-ubyte.gz');
    writeFileSync(images, Buffer.concat([gzipSync(header), ...Array.from({ length: 64 }, () => zeros)]));
    const labels = join(tmp, 'bomb-labels-idx1-ubyte');
    writeFileSync(
      labels,
      idx(
        [64 * 1024],
        Array.from({ length: 64 * 1024 }, () => 0),
      ),
    );
    const limits = { maxFileBytes: 2 ** 31, maxFieldBytes: 2 ** 20, maxRows: 10_000_000, memoryBudgetBytes: 16 * 1024 ** 2 };
    await expect(importIdxPair(images, labels, undefined, limits)).rejects.toThrow(
      'bomb-images-idx3-ubyte.gz: the file decompresses to more than 4,194,320 bytes, over the import memory budget; raise the budget (--memory-budget in the CLI, BACKPROP_MEMORY_BUDGET for the app)',
    );
  });

  it('refuses an idx pair with more images than the row limit', async () => {
    const images = write('rows-images-idx3-ubyte', idx([3, 1, 2], [0, 1, 2, 3, 4, 5]));
    const labels = write('rows-labels-idx1-ubyte', idx([3], [0, 1, 0]));
    const limits = { maxFileBytes: 2 ** 31, maxFieldBytes: 2 ** 20, maxRows: 2, memoryBudgetBytes: 2 ** 30 };
    await expect(importIdxPair(images, labels, undefined, limits)).rejects.toThrow(
      /rows-images-idx3-ubyte: the dataset has more than 2 rows, the row limit/,
    );
  });
});
