/** DatasetService: imports data sources (off-thread), keeps them by id, and prepares cached train/validation/test splits. */
import type { PrepareOptions } from '../../../core/datasets/prepare';
import { defaultWorkerPath, importDataset, type ImportEnv } from './import';
import { prepareDataset, prepareError, prepareInWorker } from './prepare';
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

/**
 * Bytes a split of `data` allocates at its peak: its copy of x (shared with the dataset worker, not copied), the
 * targets three times (the dataset's copied into the worker, the splits' there, and their copy back to the host),
 * and the row indices (13 bytes a row).
 */
export function splitBytes(data: Dataset): number {
  const targetBytes = data.target.kind === 'classes' ? 4 : 4 * data.target.names.length;
  return data.n * (4 * data.d + 3 * targetBytes + 13);
}

/** The cache key of a split: the dataset and every option that changes it. */
const prepareKey = (id: string, o: PrepareOptions): string =>
  `${id}:${JSON.stringify([o.validation, o.test, o.normalize, o.seed, o.stratify])}`;

/** Imported datasets by id; prepared splits cached per (id, options). */
export class DatasetService {
  private readonly stored = new Map<string, StoredDataset>();
  private readonly prepared = new Map<string, PreparedData>();
  /** Splits being made in a worker, by the same key as `prepared`. */
  private readonly preparing = new Map<string, Promise<PreparedData>>();
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
    const key = prepareKey(id, options);
    let result = this.prepared.get(key);
    if (!result) {
      this.checkSplitBudget(id, budgetBytes);
      result = prepareDataset(this.get(id), options);
      this.prepared.set(key, result);
    }
    return result;
  }

  /**
   * The same split, made in a dataset worker (with resourceLimits) so that the host's main thread neither blocks nor
   * dies on a huge dataset. Unknown ids and the budget are checked at once (throws); `features` is the dataset's D.
   * The promise rejects with a dataset-prepare AppError when the worker fails.
   */
  prepareOffThread(
    id: string,
    options: PrepareOptions,
    budgetBytes?: number,
  ): { features: number; prepared: Promise<PreparedData> } {
    const stored = this.get(id);
    const key = prepareKey(id, options);
    const done = this.prepared.get(key);
    if (done) return { features: stored.dataset.d, prepared: Promise.resolve(done) };
    let pending = this.preparing.get(key);
    if (!pending) {
      this.checkSplitBudget(id, budgetBytes);
      const workerPath = this.env.inThread ? null : (this.env.workerPath ?? defaultWorkerPath());
      const work = workerPath
        ? prepareInWorker(workerPath, id, stored, options)
        : Promise.resolve().then(() => {
            try {
              return prepareDataset(stored, options);
            } catch (e) {
              throw prepareError(id, e instanceof Error ? e.message : String(e));
            }
          });
      pending = work.then(
        (result) => {
          this.preparing.delete(key);
          if (this.stored.get(id) === stored) this.prepared.set(key, result);
          return result;
        },
        (error: unknown) => {
          this.preparing.delete(key);
          throw error;
        },
      );
      this.preparing.set(key, pending);
    }
    return { features: stored.dataset.d, prepared: pending };
  }

  /** Refuse, before anything is allocated, a split of dataset `id` that needs more than `budgetBytes`. */
  private checkSplitBudget(id: string, budgetBytes: number | undefined): void {
    const stored = this.get(id);
    const needed = splitBytes(stored.dataset) + (stored.publishedTest ? splitBytes(stored.publishedTest) : 0);
    if (budgetBytes !== undefined && needed > budgetBytes) {
      throw new Error(
        `splitting dataset "${id}" (${stored.dataset.n.toLocaleString('en')} rows × ${stored.dataset.d} features) needs about ${formatBytes(needed)}, ` +
          `more than the ${formatBytes(Math.max(0, budgetBytes))} left of the memory budget for this run; use a smaller dataset or raise the memory budget`,
      );
    }
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
