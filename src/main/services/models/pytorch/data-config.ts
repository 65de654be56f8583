/** The data settings an exported PyTorch project starts from (its config.json "data"), built from a run's or the CLI's data options. */
import type { PrepareOptions } from '../../../../core/datasets/prepare';
import type { DataSource, ImportOptions } from '../../../../shared/datasets';

/** What data.py reads: the source, the CSV options that change which rows exist, and the split. */
export interface PytorchDataConfig {
  /** builtin:NAME, a CSV path, an idx folder or "images,labels"; null when unknown (train.py then needs --data). */
  source: string | null;
  samples?: number;
  noise?: number;
  generatorSeed?: number;
  label?: string | number;
  delimiter?: string;
  skipLines?: number;
  dropInvalid?: boolean;
  validation: number;
  test: number;
  seed: number;
  stratify: boolean;
}

/** Unknown data: the app's default split with the model's seed. */
export function defaultDataConfig(seed: number): PytorchDataConfig {
  return { source: null, validation: 0.1, test: 0.1, seed, stratify: true };
}

/** The source as data.py names it; `pathOf` turns a file path into what the project should hold (e.g. a base name). */
function sourceText(source: DataSource, pathOf: (path: string) => string): string {
  switch (source.kind) {
    case 'builtin':
      return `builtin:${source.name}`;
    case 'csv':
    case 'idx-folder':
      return pathOf(source.path);
    case 'idx':
      return `${pathOf(source.imagesPath)},${pathOf(source.labelsPath)}`;
    default: {
      const never: never = source;
      throw new Error(`unknown data source ${JSON.stringify(never)}`);
    }
  }
}

/** The project's data settings for a source imported with `options` and split with `split`. */
export function dataConfigOf(
  source: DataSource,
  options: ImportOptions,
  split: PrepareOptions,
  pathOf: (path: string) => string,
): PytorchDataConfig {
  const config: PytorchDataConfig = {
    source: sourceText(source, pathOf),
    validation: split.validation,
    test: split.test,
    seed: split.seed,
    stratify: split.stratify,
  };
  if (source.kind === 'builtin') {
    if (source.samples !== undefined) config.samples = source.samples;
    if (source.noise !== undefined) config.noise = source.noise;
    if (source.seed !== undefined) config.generatorSeed = source.seed;
  }
  if (options.labelColumn !== undefined) config.label = options.labelColumn;
  if (options.delimiter !== undefined) config.delimiter = options.delimiter;
  if (options.skipLines > 0) config.skipLines = options.skipLines;
  if (options.dropInvalid) config.dropInvalid = true;
  return config;
}
