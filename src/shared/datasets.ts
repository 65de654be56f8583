/** The dataset types that cross a boundary: import options (schema), built-in dataset args (schema), sources, sniff result, report, summary, worker results. */
import { z } from 'zod';
import type { Dataset, Normalization } from '../core/datasets/dataset';
import type { ColumnStats, ClassCount } from '../core/datasets/stats';
import type { PrepareOptions } from '../core/datasets/prepare';
import { seedSchema } from './spec';
import { BUILTIN_NAMES } from './builtin-datasets';

export type { ColumnStats, ClassCount, PrepareOptions };

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The character that quotes a field (so it may hold delimiters and line breaks), or 'none': quotes are plain text. */
export const QUOTES = ['"', "'", 'none'] as const;
export type Quote = (typeof QUOTES)[number];
/** The quote character of a CSV read without a `quote` option. */
export const DEFAULT_QUOTE: Quote = '"';

/** The largest size options any host accepts (a host's own limits, DEFAULT_IMPORT_LIMITS unless raised, are lower). */
export const IMPORT_HARD_LIMITS = {
  maxFileBytes: 64 * 1024 ** 3,
  maxFieldBytes: 64 * 1024 ** 2,
  maxRows: 2 ** 31 - 1,
  memoryBudgetBytes: 64 * 1024 ** 3,
  /** Columns of a CSV (an index of a column is below this). */
  maxColumns: 1_000_000,
} as const;

/** How to read a CSV: every field is validated at the IPC boundary by `importOptionsSchema`. */
export const importOptionsSchema = z.strictObject({
  delimiter: z.enum(DELIMITERS).optional(),
  /** The quote character (default '"'). */
  quote: z.enum(QUOTES).optional(),
  header: z.enum(['auto', 'yes', 'no']),
  skipLines: z.number().int().min(0).max(1_000_000),
  labelColumn: z.union([z.string().min(1), z.number().int().min(0).max(IMPORT_HARD_LIMITS.maxColumns)]).optional(),
  featureColumns: z.array(z.union([z.string().min(1), z.number().int().min(0).max(IMPORT_HARD_LIMITS.maxColumns)])).optional(),
  textFeatures: z.enum(['one-hot', 'drop']),
  task: z.enum(['classification', 'regression']).optional(),
  dropInvalid: z.boolean(),
  /** Collect every problem instead of failing (inspect uses this; the dataset is then built from the valid rows). */
  collectAll: z.boolean().optional(),
  /** Caps (bytes): whole file (uncompressed) and a single field; bounded here, and by the host's limits in the service. */
  maxFileBytes: z.number().int().positive().max(IMPORT_HARD_LIMITS.maxFileBytes).optional(),
  maxFieldBytes: z.number().int().positive().max(IMPORT_HARD_LIMITS.maxFieldBytes).optional(),
  /** Refuse a dataset of more rows than this (the import stops reading as soon as it passes). */
  maxRows: z.number().int().positive().max(IMPORT_HARD_LIMITS.maxRows).optional(),
  /** Refuse a dataset whose arrays (features, labels, codes) would take more bytes than this. */
  memoryBudgetBytes: z.number().int().positive().max(IMPORT_HARD_LIMITS.memoryBudgetBytes).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  header: 'auto',
  skipLines: 0,
  textFeatures: 'one-hot',
  dropInvalid: false,
};
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;
export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ROWS = 10_000_000;
export const DEFAULT_IMPORT_BUDGET_BYTES = 1024 ** 3;

/** A host's size limits for imports: options from the page may lower them, never raise them. */
export type ImportLimits = Required<Pick<ImportOptions, 'maxFileBytes' | 'maxFieldBytes' | 'maxRows' | 'memoryBudgetBytes'>>;
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxFieldBytes: DEFAULT_MAX_FIELD_BYTES,
  maxRows: DEFAULT_MAX_ROWS,
  memoryBudgetBytes: DEFAULT_IMPORT_BUDGET_BYTES,
};

/** A built-in dataset and its generator's options (datasets.builtin's arguments and the workspace's memory of it). */
export const builtinDatasetSchema = z.strictObject({
  name: z.enum(BUILTIN_NAMES),
  samples: z.number().int().min(10).max(100_000).optional(),
  noise: z.number().min(0).max(10).optional(),
  seed: seedSchema.optional(),
});
export type BuiltinDataset = z.infer<typeof builtinDatasetSchema>;

/** Where a dataset comes from (host paths: main process and dataset worker only, never the page). */
export type DataSource =
  | { kind: 'csv'; path: string }
  | { kind: 'idx'; imagesPath: string; labelsPath: string }
  | { kind: 'idx-folder'; path: string }
  | ({ kind: 'builtin' } & BuiltinDataset);

/** One problem found in a CSV: where (1-based physical line, column), what was there and what was expected. */
export interface CsvProblem {
  line: number;
  column: string | null;
  value: string;
  expected: string;
  reason: 'ragged row' | 'empty cell' | 'not a number' | 'NaN or Infinity' | 'quotes' | 'too large';
}

/** The options the wizard's preview follows: datasets.sniff re-reads the head with them on every change. */
export const sniffOptionsSchema = importOptionsSchema
  .pick({ delimiter: true, quote: true, header: true, skipLines: true })
  .partial()
  .extend({
    /** Start the preview a few rows before this 1-based physical line (to show a problem's cell). */ around: z
      .number()
      .int()
      .min(1)
      .max(1e9)
      .optional(),
  });
export type SniffOptions = z.infer<typeof sniffOptionsSchema>;

/** Why the header guess was made, as a code the page words (`clash` names the text cell above a numeric column). */
export type HeaderBasis = 'user' | 'single-text' | 'single-numbers' | 'text-above-number' | 'distinct-names' | 'looks-like-data';

/** What importing with a column as the label would give, judged on the rows of the head (the service's own rule). */
export type LabelOutcome = { task: 'classification'; classes: number } | { task: 'regression' };

/** What the head of a CSV looks like: delimiter candidates, header guess, first rows. */
export interface CsvSniff {
  /** Delimiters that split the head into a consistent number (≥ 2) of columns, with that number. */
  candidates: { delimiter: Delimiter; columns: number }[];
  delimiter: Delimiter;
  /** True when more than one candidate fits: the user should confirm the delimiter. */
  ambiguous: boolean;
  newline: '\n' | '\r\n' | '\r';
  header: boolean;
  /** Why the header guess was made (shown next to the override). */
  headerReason: string;
  columnNames: string[];
  /** Per column: 'numeric' when most head values are numbers. */
  columnTypes: ('numeric' | 'text')[];
  /** First rows as text (after skipped lines and header), at most PREVIEW_ROWS of them. */
  rows: string[][];
  headerBasis: HeaderBasis;
  /** The text cell that made the header guess (basis 'text-above-number'). */
  headerClash: string | null;
  /** 1-based physical line in the file where each preview row starts (skipped lines counted). */
  rowLines: number[];
  /** The widest row of the preview (≥ columnNames.length): the preview shows every field, even of ragged rows. */
  width: number;
  /** Set when the first line's field count differs from every line after it (a metadata line such as `178,13,class_0,…`). */
  skipSuggestion: { lines: number; firstFields: number; fields: number } | null;
  /** Per column: the task and class count a label there would give, judged on `sampledRows` rows of the head. */
  labels: LabelOutcome[];
  sampledRows: number;
  /** True when the head held the whole file (so `labels` are exact). */
  complete: boolean;
}

export interface ImportReport {
  format: 'csv' | 'idx' | 'builtin';
  rows: number;
  droppedRows: number;
  /** Reason → rows dropped for it (a row counts once, for its first problem). */
  dropReasons: Record<string, number>;
  delimiter: Delimiter | null;
  header: boolean | null;
  columns: ColumnStats[];
  classBalance: ClassCount[];
  preview: string[][];
  warnings: string[];
  /** Problems found (collect-all mode): the first ones, and the total count. */
  problems: CsvProblem[];
  totalProblems: number;
}

export interface ImportResult {
  dataset: Dataset;
  report: ImportReport;
  publishedTest?: Dataset;
}

export interface PreparedData {
  train: Dataset;
  validation: Dataset | null;
  test: Dataset | null;
  normalization: Normalization;
  report: ImportReport;
}

/** How far an import got (pushed to the page as the datasets.progress event). */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** JSON-safe description of a stored dataset: what the renderer sees. */
export interface DatasetSummary {
  id: string;
  name: string;
  source: string;
  n: number;
  d: number;
  task: 'classification' | 'regression';
  featureNames: string[];
  classNames: string[];
  targetNames: string[];
  imageShape: [number, number] | null;
  hasPublishedTest: boolean;
  report: ImportReport;
  /** For 2-D data: up to 2,000 points [x1, x2, class (or target)]. */
  points: [number, number, number][] | null;
}
