/** DatasetService: imports data sources (off-thread), keeps them by id, and prepares cached train/validation/test splits. */
import type { PrepareOptions } from '../../../core/datasets/prepare';
import { importDataset, type ImportEnv } from './import';
import { prepareDataset } from './prepare';
import { sniffCsv } from './sniff';
import { summarize } from './summary';
import {
  DEFAULT_IMPORT_OPTIONS,
  importOptionsSchema,
  type CsvSniff,
  type DataSource,
  type DatasetSummary,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type PreparedData,
} from '../../../shared/datasets';

export interface StoredDataset extends ImportResult {
  id: string;
  summary: DatasetSummary;
  /** Where the rows came from and how they were read (an exported PyTorch project reads them again the same way). */
  source: DataSource;
  options: ImportOptions;
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
      const extra = [source.samples !== undefined ? `samples ${source.samples}` : '', source.noise !== undefined ? `noise ${source.noise}` : '', source.seed !== undefined ? `seed ${source.seed}` : ''].filter(Boolean);
      return `builtin:${source.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    }
    default: {
      const never: never = source;
      return String(never);
    }
  }
}

/** Imported datasets by id; prepared splits cached per (id, options). */
export class DatasetService {
  private readonly stored = new Map<string, StoredDataset>();
  private readonly prepared = new Map<string, PreparedData>();
  private nextId = 1;

  constructor(private readonly env: ImportEnv = {}) {}

  /** Import a source (options default to DEFAULT_IMPORT_OPTIONS and are validated) and store it. */
  async import(source: DataSource, options: Partial<ImportOptions> = {}, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<DatasetSummary> {
    const checked = importOptionsSchema.parse({ ...DEFAULT_IMPORT_OPTIONS, ...options });
    const imported = await importDataset(source, checked, onProgress, signal, this.env);
    const id = `ds${this.nextId++}`;
    const summary = summarize(id, describeSource(source), imported);
    this.stored.set(id, { ...imported, id, summary, source, options: checked });
    return summary;
  }

  sniff(path: string, options: Partial<ImportOptions> = {}): Promise<CsvSniff> {
    return sniffCsv(path, options);
  }

  get(id: string): StoredDataset {
    const found = this.stored.get(id);
    if (!found) throw new Error(`no dataset with id "${id}" (known: ${[...this.stored.keys()].join(', ') || 'none'})`);
    return found;
  }

  /** Split and normalize (cached: the same id and options give the same object). */
  prepare(id: string, options: PrepareOptions): PreparedData {
    const key = `${id}:${JSON.stringify([options.validation, options.test, options.normalize, options.seed, options.stratify])}`;
    let result = this.prepared.get(key);
    if (!result) {
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
