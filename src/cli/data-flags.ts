/** The CLI's data flags (--data, --label, --features, --delimiter, …): parsed strictly into a source, import and prepare options. */
import { SEED_MAX } from '../shared/spec';
import { statSync } from 'node:fs';
import { DEFAULT_PREPARE_OPTIONS, type PrepareOptions } from '../core/datasets/prepare';
import { defaultWorkerPath, importDataset, type ImportEnv } from '../main/services/datasets/import';
import { parseByteSize } from '../main/services/datasets/import-budget';
import { prepareDataset, prepareInWorker } from '../main/services/datasets/prepare';
import { splitBytes } from '../main/services/datasets/service';
import { DatasetImportError } from '../main/services/datasets/errors';
import { formatBytes } from '../main/engine/memory-budget';
import { BUILTIN_NAMES } from '../shared/builtin-datasets';
import {
  DEFAULT_IMPORT_BUDGET_BYTES,
  DEFAULT_IMPORT_OPTIONS,
  IMPORT_HARD_LIMITS,
  QUOTES,
  type DataSource,
  type ImportOptions,
  type PreparedData,
} from '../shared/datasets';
import { choiceFlag, numberFlag } from './number-flag';
import { UsageError } from './usage-error';

export interface DataFlags {
  source: DataSource;
  import: ImportOptions;
  prepare: PrepareOptions;
}

export const DATA_FLAG_HELP = `Data flags:
  --data <source>        file.csv | file.csv.gz | idx folder (train/t10k files) | images.idx[,labels.idx]
                         | builtin:spiral|circles|xor|gauss|iris|digits
  --label <col>          label column: name or 0-based index (default: the last column)
  --features <cols>      comma list of feature column names or indices (default: every other column)
  --delimiter , | ; | tab   (default: detected; required when the detection is ambiguous)
  --quote '"' | "'" | none  the character that quotes fields (default "); none reads quotes as plain text
  --header auto|yes|no   does the first line hold column names (default auto)
  --skip-lines N         lines to skip before the header/data (default 0)
  --drop-invalid         drop rows with missing or invalid values instead of failing
  --val F  --test F      validation / test fractions (defaults 0.1 and 0.1; an idx folder's t10k files are the test set)
  --normalize none|minmax|zscore   fitted on the training split (default zscore; none for idx images, already in [0, 1])
  --seed N               split seed (default 42); for built-ins also the generator seed
  --samples N --noise X  built-in generators only: sample count and noise
  --max-rows N           refuse a CSV of more rows than this (default 10,000,000)
  --memory-budget SIZE   bytes the dataset and a run may take, e.g. 4GiB or 512MiB (default 1GiB)`;

/** A byte size flag: a whole number with an optional unit (B, KiB, MiB, GiB, kB, MB, GB). */
export function byteSizeFlag(name: string, raw: string | boolean | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const bytes = typeof raw === 'string' ? parseByteSize(raw) : Number.NaN;
  if (!(bytes >= 1 && bytes <= max)) {
    throw new UsageError(
      `--${name}: expected a size from 1 B to ${max / 1024 ** 3} GiB such as 512MiB or 4GiB, got ${JSON.stringify(raw)}`,
    );
  }
  return bytes;
}

/** Where --data points: builtin:NAME, an idx folder, an images[,labels] idx pair, or a CSV. */
function parseSource(raw: string | boolean | undefined): DataSource {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new UsageError(
      '--data is required: a CSV file, an idx folder, images.idx[,labels.idx] or builtin:spiral|circles|xor|gauss|iris|digits',
    );
  }
  if (raw.startsWith('builtin:')) {
    const name = raw.slice('builtin:'.length);
    const known = BUILTIN_NAMES.find((b) => b === name);
    if (!known)
      throw new UsageError(`--data: unknown built-in ${JSON.stringify(name)}; expected builtin:${BUILTIN_NAMES.join('|')}`);
    return { kind: 'builtin', name: known };
  }
  if (raw.includes(',') || /idx3-ubyte(\.gz)?$/i.test(raw)) {
    const [imagesPath, labels] = raw.split(',');
    const labelsPath = labels ?? imagesPath.replace(/images([.-])idx3/i, 'labels$1idx1');
    if (labelsPath === imagesPath || raw.split(',').length > 2) {
      throw new UsageError(`--data: expected images.idx3-ubyte[,labels.idx1-ubyte], got ${JSON.stringify(raw)}`);
    }
    return { kind: 'idx', imagesPath, labelsPath };
  }
  let isDir = false;
  try {
    isDir = statSync(raw).isDirectory();
  } catch {
    throw new UsageError(`--data: ${raw} does not exist`);
  }
  return isDir ? { kind: 'idx-folder', path: raw } : { kind: 'csv', path: raw };
}

const columnRef = (s: string): string | number => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());

/** Interpret the data flags (values as node:util parseArgs gives them). A bad value throws a one-line UsageError. */
export function parseDataFlags(argv: Record<string, string | boolean>): DataFlags {
  const source = parseSource(argv.data);
  const seed = numberFlag('seed', argv.seed, { integer: true, min: 0, max: SEED_MAX }) ?? DEFAULT_PREPARE_OPTIONS.seed;
  if (source.kind === 'builtin') {
    source.samples = numberFlag('samples', argv.samples, { integer: true, min: 2, max: 1_000_000 });
    source.noise = numberFlag('noise', argv.noise, { min: 0, max: 10 });
    source.seed = seed;
  } else if (argv.samples !== undefined || argv.noise !== undefined) {
    throw new UsageError('--samples and --noise apply to built-in datasets only (--data builtin:NAME)');
  }
  const delimiterRaw = choiceFlag('delimiter', argv.delimiter, [',', ';', 'tab', '\t'] as const);
  const options: ImportOptions = {
    ...DEFAULT_IMPORT_OPTIONS,
    header: choiceFlag('header', argv.header, ['auto', 'yes', 'no'] as const) ?? 'auto',
    skipLines: numberFlag('skip-lines', argv['skip-lines'], { integer: true, min: 0, max: 1_000_000 }) ?? 0,
    dropInvalid: argv['drop-invalid'] === true,
  };
  const maxRows = numberFlag('max-rows', argv['max-rows'], { integer: true, min: 1, max: IMPORT_HARD_LIMITS.maxRows });
  const memoryBudgetBytes = byteSizeFlag('memory-budget', argv['memory-budget'], IMPORT_HARD_LIMITS.memoryBudgetBytes);
  if (maxRows !== undefined) options.maxRows = maxRows;
  if (memoryBudgetBytes !== undefined) options.memoryBudgetBytes = memoryBudgetBytes;
  if (delimiterRaw !== undefined) options.delimiter = delimiterRaw === 'tab' ? '\t' : delimiterRaw;
  const quote = choiceFlag('quote', argv.quote, QUOTES);
  if (quote !== undefined) options.quote = quote;
  if (typeof argv.label === 'string') options.labelColumn = columnRef(argv.label);
  if (typeof argv.features === 'string') {
    const parts = argv.features.split(',');
    if (parts.some((p) => p.trim() === ''))
      throw new UsageError(`--features: expected a comma list of column names or indices, got ${JSON.stringify(argv.features)}`);
    options.featureColumns = parts.map(columnRef);
  }
  const images = source.kind === 'idx' || source.kind === 'idx-folder';
  const prepare: PrepareOptions = {
    validation: numberFlag('val', argv.val, { min: 0, max: 0.9 }) ?? DEFAULT_PREPARE_OPTIONS.validation,
    test: numberFlag('test', argv.test, { min: 0, max: 0.9 }) ?? DEFAULT_PREPARE_OPTIONS.test,
    normalize:
      choiceFlag('normalize', argv.normalize, ['none', 'minmax', 'zscore'] as const) ??
      (images ? 'none' : DEFAULT_PREPARE_OPTIONS.normalize),
    seed,
    stratify: true,
  };
  if (prepare.validation + prepare.test >= 1) {
    throw new UsageError(`--val ${prepare.validation} + --test ${prepare.test} must be below 1 so that rows remain for training`);
  }
  return { source, import: options, prepare };
}

/** Import and split the data the flags describe, both in the dataset worker when it is built (else in this thread). */
export async function loadData(flags: DataFlags, env: ImportEnv = {}): Promise<PreparedData> {
  const imported = await importDataset(flags.source, flags.import, undefined, undefined, env);
  const budget = flags.import.memoryBudgetBytes ?? DEFAULT_IMPORT_BUDGET_BYTES;
  const needed = splitBytes(imported.dataset) + (imported.publishedTest ? splitBytes(imported.publishedTest) : 0);
  if (needed > budget) {
    throw DatasetImportError.overLimit(
      imported.dataset.name,
      'memory-budget',
      `splitting the data needs about ${formatBytes(needed)}, more than the memory budget of ${formatBytes(budget)}; raise it with --memory-budget`,
    );
  }
  const workerPath = env.inThread ? null : (env.workerPath ?? defaultWorkerPath());
  return workerPath
    ? prepareInWorker(workerPath, imported.dataset.name, imported, flags.prepare)
    : prepareDataset(imported, flags.prepare);
}
