/** The bench harness (`npm run bench`, built to out/main/bench.js): runs every benchmark, or one with --only, printing one JSON object per line. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importDataset } from '../src/main/services/datasets/import';
import { DEFAULT_IMPORT_OPTIONS } from '../src/main/services/datasets/types';
import { chooseKernels } from '../src/main/engine/kernels';
import { benchCsvImport } from './datasets';
import { benchEngine } from './engine';
import { benchKernels } from './kernels';
import { runTwoLayerNetBench } from './twolayernet';
import { enableRelaxedSimd } from '../src/main/runtime/relaxed-simd';

enableRelaxedSimd();

const FASHION = '/usr/share/datasets/fashion-mnist';
const here = dirname(fileURLToPath(import.meta.url));

/** The book's TwoLayerNet on Fashion-MNIST (idx files imported with the datasets importer), or a "skipped" line without the data. */
async function twoLayerNet(): Promise<Record<string, unknown>[]> {
  if (!existsSync(join(FASHION, 'train-images-idx3-ubyte.gz'))) {
    return [{ bench: 'twolayernet', skipped: true, reason: `Fashion-MNIST idx files not found in ${FASHION}` }];
  }
  const { dataset, publishedTest } = await importDataset({ kind: 'idx-folder', path: FASHION }, DEFAULT_IMPORT_OPTIONS);
  if (!publishedTest) return [{ bench: 'twolayernet', skipped: true, reason: `no t10k test files in ${FASHION}` }];
  const kernels = chooseKernels('wasm', 0);
  const iterations = kernels.name.startsWith('wasm') ? 10_000 : 1_000;
  return [{ bench: 'twolayernet', kernels: kernels.name, ...(await runTwoLayerNetBench(dataset, publishedTest, { iterations, kernels })) }];
}

const BENCHES: Record<string, () => Promise<Record<string, unknown>[]>> = {
  engine: () => benchEngine(join(here, 'engine-worker.js')),
  datasets: async () => [{ bench: 'csv-import', ...(await benchCsvImport()) }],
  twolayernet: twoLayerNet,
  kernels: async () => (await benchKernels()).map((line) => ({ bench: 'kernels', ...line })),
};

async function main(): Promise<number> {
  let only: string | undefined;
  try {
    only = parseArgs({ args: process.argv.slice(2), options: { only: { type: 'string' } }, strict: true }).values.only;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}; usage: bench [--only ${Object.keys(BENCHES).join('|')}]\n`);
    return 2;
  }
  if (only !== undefined && !Object.hasOwn(BENCHES, only)) {
    process.stderr.write(`error: --only: expected one of ${Object.keys(BENCHES).join(' | ')}, got ${JSON.stringify(only)}\n`);
    return 2;
  }
  let failed = false;
  for (const name of only === undefined ? Object.keys(BENCHES) : [only]) {
    try {
      for (const line of await BENCHES[name]()) process.stdout.write(`${JSON.stringify(line)}\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`${JSON.stringify({ bench: name, error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
