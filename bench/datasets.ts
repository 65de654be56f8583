/** Benchmark: import Fashion-MNIST's 60,000 × 785 training set as a ~125 MB CSV through the import worker; seconds and peak RSS. */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIdx } from '../src/main/services/datasets/idx';
import { importDataset } from '../src/main/services/datasets/import';
import { DEFAULT_IMPORT_OPTIONS } from '../src/shared/datasets';

const FASHION = '/usr/share/datasets/fashion-mnist';

/** bench/data next to this file (or next to the repo root when running from out/main). */
function dataDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'bench', 'data');
  }
  throw new Error('benchCsvImport: cannot find the project root (package.json) above this module');
}

/** Write the training set as CSV (784 pixel columns p0..p783, then the label) unless it exists. */
async function writeCsv(path: string): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const images = parseIdx(await readFile(join(FASHION, 'train-images-idx3-ubyte.gz')), 'train-images', 3);
  const labels = parseIdx(await readFile(join(FASHION, 'train-labels-idx1-ubyte.gz')), 'train-labels', 1);
  const [n, rows, cols] = images.dims;
  const d = rows * cols;
  const out = createWriteStream(path + '.part');
  out.write(Array.from({ length: d }, (_, k) => `p${k}`).join(',') + ',label\n');
  for (let i = 0; i < n; i++) {
    const line = Array.from(images.data.subarray(i * d, (i + 1) * d)).join(',') + `,${labels.data[i]}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const { rename } = await import('node:fs/promises');
  await rename(path + '.part', path);
}

/** Import the CSV in the worker; report seconds, rows, peak RSS (sampled every 20 ms) and the targets. */
export async function benchCsvImport(): Promise<Record<string, unknown>> {
  const path = join(dataDir(), 'fashion-mnist-train.csv');
  await writeCsv(path);
  const bytes = (await stat(path)).size;
  if (typeof global.gc === 'function') global.gc();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { dataset } = await importDataset({ kind: 'csv', path }, { ...DEFAULT_IMPORT_OPTIONS });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const matrixMB = (dataset.n * dataset.d * 4) / 2 ** 20;
  const peakMB = peak / 2 ** 20;
  const limitMB = 2.5 * matrixMB + 150;
  return {
    bench: 'csv-import',
    file: path,
    fileMB: +(bytes / 2 ** 20).toFixed(1),
    rows: dataset.n,
    columns: dataset.d,
    seconds: +seconds.toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    MBperSecond: +(bytes / 2 ** 20 / seconds).toFixed(1),
    rssBeforeMB: +(rssBefore / 2 ** 20).toFixed(0),
    peakRssMB: +peakMB.toFixed(0),
    maxRssLifetimeMB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
    matrixMB: +matrixMB.toFixed(0),
    targetSeconds: 10,
    targetPeakRssMB: +limitMB.toFixed(0),
    withinTargets: seconds <= 10 && peakMB <= limitMB,
  };
}
