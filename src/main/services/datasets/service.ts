/** DatasetService: imports data sources (off-thread), keeps them by id, and prepares cached train/validation/test splits. */
import type { PrepareOptions } from '../../../core/datasets/prepare';
import { importDataset, type ImportEnv } from './import';
import { prepareDataset } from './prepare';
import { sniffCsv } from './sniff';
import { summarize } from './summary';
import { formatBytes } from '../../engine/memory-budget';
import type { Dataset } from '../../../core/datasets/dataset';
import {
  DEFAULT_IMPORT_LIMITS,
  DEFAULT_IMPORT_OPTIONS,
  importOptionsSchema,
  type CsvSniff,
  type SniffOptions,
  type DataSource,
  type DatasetSummary,
  type ImportOptions,
  type ImportLimits,
  type ImportProgress,
  type ImportResult,
  type PreparedData,
} from '../../../shared/datasets';

export interface StoredDataset extends ImportResult {
  id: string;
  summary: DatasetSummary;
  /** Where it was imported from and how: what the workspace records to import it again, and what an exported PyTorch project reads the same way. */
  origin: { source: DataSource; options: ImportOptions };
}

/** A readable description of where data came from. */
export function describeSource(source: DataSource): string {
  switch (source.kind) {
    case 'csv':
      return source.path;
    case 'idx':
      return `${source.imagesPath} + ${source.labelsPath}`;
    case 'idx-folder':
      return source.path;
    case 'builtin': {
      const extra = [
        source.samples !== undefined ? `samples ${source.samples}` : '',
        source.noise !== undefined ? `noise ${source.noise}` : '',
        source.seed !== undefined ? `seed ${source.seed}` : '',
      ].filter(Boolean);
      return `builtin:${source.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    }
    default: {
      const never: never = source;
      return String(never);
    }
  }
}

/** Host-side settings of the dataset service (never from the page). */
export interface DatasetServiceEnv extends ImportEnv {
  /** The host's import limits (default DEFAULT_IMPORT_LIMITS; a desktop setting may raise them). Options from the page may only lower them. */
  limits?: Partial<ImportLimits>;
}

/** Bytes a split of `data` allocates: its copy of x and the targets, and the row indices (13 bytes a row). */
export function splitBytes(data: Dataset): number {
  const targetBytes = data.target.kind === 'classes' ? 4 : 4 * data.target.names.length;
  return data.n * (4 * data.d + targetBytes + 13);
}

/** Imported datasets by id; prepared splits cached per (id, options). */
export class DatasetService {
  private readonly stored = new Map<string, StoredDataset>();
  private readonly prepared = new Map<string, PreparedData>();
  private nextId = 1;

  private readonly limits: ImportLimits;

  constructor(private readonly env: DatasetServiceEnv = {}) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...env.limits };
  }

  /**
   * Import a source (options default to DEFAULT_IMPORT_OPTIONS and are validated; size options within the host's limits) and store it.
   * `label` names the source in the summary instead of its path (hosts pass the file's name: the page never sees a path).
   */
  async import(
    source: DataSource,
    options: Partial<ImportOptions> = {},
    onProgress?: (p: ImportProgress) => void,
    signal?: AbortSignal,
    label?: string,
  ): Promise<DatasetSummary> {
    const checked = importOptionsSchema.parse({ ...DEFAULT_IMPORT_OPTIONS, ...options });
    for (const key of Object.keys(this.limits) as (keyof ImportLimits)[]) {
      const asked = checked[key];
      if (asked !== undefined && asked > this.limits[key]) {
        throw new Error(
          `import option ${key} = ${asked} is above this host's limit of ${this.limits[key]}; a larger value must be set in the host's settings`,
        );
      }
    }
    const imported = await importDataset(source, { ...this.limits, ...checked }, onProgress, signal, this.env);
    const id = `ds${this.nextId++}`;
    const summary = summarize(id, label ?? describeSource(source), imported);
    this.stored.set(id, { ...imported, id, summary, origin: { source, options: checked } });
    return summary;
  }

  sniff(path: string, options: SniffOptions = {}): Promise<CsvSniff> {
    return sniffCsv(path, options);
  }

  get(id: string): StoredDataset {
    const found = this.stored.get(id);
    if (!found) throw new Error(`no dataset with id "${id}" (known: ${[...this.stored.keys()].join(', ') || 'none'})`);
    return found;
  }

  /** Row `index` (0-based) of a stored dataset: its raw feature values, as imported (before any normalization). */
  row(id: string, index: number): { featureNames: string[]; values: number[] } {
    const { dataset } = this.get(id);
    if (index >= dataset.n) throw new Error(`row ${index + 1} is past the dataset's ${dataset.n} rows`);
    return {
      featureNames: [...dataset.featureNames],
      values: Array.from(dataset.x.subarray(index * dataset.d, (index + 1) * dataset.d)),
    };
  }

  /**
   * Split and normalize (cached: the same id and options give the same object). With `budgetBytes`, a split that
   * is not cached yet and would allocate more than that is refused before anything is allocated.
   */
  prepare(id: string, options: PrepareOptions, budgetBytes?: number): PreparedData {
    const key = `${id}:${JSON.stringify([options.validation, options.test, options.normalize, options.seed, options.stratify])}`;
    let result = this.prepared.get(key);
    if (!result) {
      const stored = this.get(id);
      const needed = splitBytes(stored.dataset) + (stored.publishedTest ? splitBytes(stored.publishedTest) : 0);
      if (budgetBytes !== undefined && needed > budgetBytes) {
        throw new Error(
          `splitting dataset "${id}" (${stored.dataset.n.toLocaleString('en')} rows × ${stored.dataset.d} features) needs about ${formatBytes(needed)}, ` +
            `more than the ${formatBytes(Math.max(0, budgetBytes))} left of the memory budget for this run; use a smaller dataset or raise the memory budget`,
        );
      }
      result = prepareDataset(this.get(id), options);
      this.prepared.set(key, result);
    }
    return result;
  }

  list(): DatasetSummary[] {
    return [...this.stored.values()].map((s) => s.summary);
  }

  remove(id: string): void {
    this.get(id);
    this.stored.delete(id);
    for (const key of [...this.prepared.keys()]) if (key.startsWith(`${id}:`)) this.prepared.delete(key);
  }
}
