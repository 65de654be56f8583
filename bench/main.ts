/** The bench harness (`npm run bench`, built to out/main/bench.js): runs every benchmark, or one with --only, printing one JSON object per line. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importDataset } from '../src/main/services/datasets/import';
import { DEFAULT_IMPORT_OPTIONS } from '../src/shared/datasets';
import { chooseKernels } from '../src/main/engine/kernels';
import { benchCsvImport } from './datasets';
import { benchEngine, benchEngineThreads, benchEngineThreadsLong, benchThreadsProbe } from './engine';
import { benchCheckpoints } from './checkpoints';
import { benchThreadsSweep } from './threads-sweep';
import { benchKernels } from './kernels';
import { benchExperiments } from './experiments';
import { runTwoLayerNetBench } from './twolayernet';
import { benchPeers } from './peers/peers';
import { benchInference } from './inference';
import { enableRelaxedSimd } from '../src/main/runtime/relaxed-simd';

enableRelaxedSimd();

const FASHION = '/usr/share/datasets/fashion-mnist';
const here = dirname(fileURLToPath(import.meta.url));
/** Where the engine's workers are taken from: this build, or another one's out/main with --engine-dir (A/B comparisons). */
let engineDir = here;

/** The book's TwoLayerNet on Fashion-MNIST (idx files imported with the datasets importer), or a "skipped" line without the data. */
async function twoLayerNet(): Promise<Record<string, unknown>[]> {
  if (!existsSync(join(FASHION, 'train-images-idx3-ubyte.gz'))) {
    return [{ bench: 'twolayernet', skipped: true, reason: `Fashion-MNIST idx files not found in ${FASHION}` }];
  }
  const { dataset, publishedTest } = await importDataset({ kind: 'idx-folder', path: FASHION }, DEFAULT_IMPORT_OPTIONS);
  if (!publishedTest) return [{ bench: 'twolayernet', skipped: true, reason: `no t10k test files in ${FASHION}` }];
  const kernels = chooseKernels('wasm', 0);
  const iterations = kernels.name.startsWith('wasm') ? 10_000 : 1_000;
  return [
    {
      bench: 'twolayernet',
      kernels: kernels.name,
      ...(await runTwoLayerNetBench(dataset, publishedTest, { iterations, kernels })),
    },
  ];
}

const BENCHES: Record<string, () => Promise<Record<string, unknown>[]>> = {
  engine: () => benchEngine(join(here, 'engine-worker.js')),
  checkpoints: () => benchCheckpoints(join(here, 'engine-worker.js')),
  datasets: async () => [{ bench: 'csv-import', ...(await benchCsvImport()) }],
  twolayernet: twoLayerNet,
  kernels: async () => (await benchKernels()).map((line) => ({ bench: 'kernels', ...line })),
  experiments: () => benchExperiments(join(here, 'engine-worker.js')),
  inference: async () => benchInference().map((line) => ({ bench: 'inference', ...line })),
};

/** Not in the default run (it needs a minute): `--peers` adds it, `--only peers` runs it alone. */
const OPTIONAL: Record<string, () => Promise<Record<string, unknown>[]>> = {
  peers: async () => (await benchPeers(chooseKernels('wasm', 0), here)).map((line) => ({ bench: 'peers', ...line })),
};
/** Parts of a default bench, runnable alone with --only: the engine bench's 1- vs 2-thread lines (and a longer variant). */
const PARTS: Record<string, () => Promise<Record<string, unknown>[]>> = {
  threads: () => benchEngineThreads(join(engineDir, 'engine-worker.js')),
  'threads-long': () => benchEngineThreadsLong(join(engineDir, 'engine-worker.js')),
  'threads-sweep': async () => benchThreadsSweep(join(engineDir, 'gradient-worker.js')),
  'threads-probe': async () => benchThreadsProbe(join(engineDir, 'gradient-worker.js')),
};
const ALL = { ...BENCHES, ...OPTIONAL, ...PARTS };
const USAGE = `usage: bench [--only ${Object.keys(ALL).join('|')}] [--peers] [--engine-dir <out/main of another build>]`;

async function main(): Promise<number> {
  let values: { only?: string; peers?: boolean; 'engine-dir'?: string };
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { only: { type: 'string' }, peers: { type: 'boolean' }, 'engine-dir': { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}; ${USAGE}\n`);
    return 2;
  }
  const { only, peers } = values;
  if (values['engine-dir'] !== undefined) engineDir = resolve(values['engine-dir']);
  if (only !== undefined && !Object.hasOwn(ALL, only)) {
    process.stderr.write(`error: --only: expected one of ${Object.keys(ALL).join(' | ')}, got ${JSON.stringify(only)}\n`);
    return 2;
  }
  const names = only !== undefined ? [only] : [...Object.keys(BENCHES), ...(peers ? Object.keys(OPTIONAL) : [])];
  let failed = false;
  for (const name of names) {
    try {
      for (const line of await ALL[name]()) process.stdout.write(`${JSON.stringify(line)}\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`${JSON.stringify({ bench: name, error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
