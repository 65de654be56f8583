/** The import's row and memory budget: estimate a dataset's bytes from what has been read so far and refuse before it grows past the limits. */
import { formatBytes } from '../../engine/memory-budget';
import { DatasetImportError } from './errors';
import { IMPORT_HARD_LIMITS, type ImportLimits } from '../../../shared/datasets';

/** How the person raises the limits: the CLI flags, and the environment variables both app hosts read at start. */
const HOW_TO_RAISE_ROWS = 'import fewer rows, or raise the limit (--max-rows in the CLI, BACKPROP_MAX_ROWS for the app)';
const HOW_TO_RAISE_BYTES =
  'import fewer rows or columns, or raise the budget (--memory-budget in the CLI, BACKPROP_MEMORY_BUDGET for the app)';

const UNITS: Record<string, number> = { '': 1, b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, kb: 1e3, mb: 1e6, gb: 1e9 };

/** A byte size such as `512MiB`, `4GiB` or `1000000`; NaN when it is not one. */
export function parseByteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  return match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
}

/**
 * The host's import limits from its environment (BACKPROP_MAX_ROWS, BACKPROP_MEMORY_BUDGET), within the hard
 * limits; a bad value is an error naming the variable (the host refuses to start rather than ignore it).
 */
export function importLimitsFromEnv(env: Record<string, string | undefined>): Partial<ImportLimits> {
  const limits: Partial<ImportLimits> = {};
  const rows = env.BACKPROP_MAX_ROWS;
  if (rows !== undefined) {
    const n = /^\d+$/.test(rows.trim()) ? Number(rows) : Number.NaN;
    if (!(Number.isInteger(n) && n >= 1 && n <= IMPORT_HARD_LIMITS.maxRows))
      throw new Error(
        `BACKPROP_MAX_ROWS must be an integer from 1 to ${IMPORT_HARD_LIMITS.maxRows}, got ${JSON.stringify(rows)}`,
      );
    limits.maxRows = n;
  }
  const budget = env.BACKPROP_MEMORY_BUDGET;
  if (budget !== undefined) {
    const bytes = parseByteSize(budget);
    if (!(bytes >= 1 && bytes <= IMPORT_HARD_LIMITS.memoryBudgetBytes))
      throw new Error(`BACKPROP_MEMORY_BUDGET must be a size up to 64 GiB such as 4GiB, got ${JSON.stringify(budget)}`);
    limits.memoryBudgetBytes = bytes;
  }
  return limits;
}

/**
 * What one CSV row costs at the import's peak, stored and in the parser's working memory (bytes):
 * - stored: 4 per float32 feature, 4 per text code (label or one-hot column), 8 for a numeric label (float64);
 * - working: the matrix grows by 1.5× (2 more per feature); the label and code columns double when full, and the old
 *   array lives until collected (twice their stored bytes more); assembling the dataset writes its target (4) and,
 *   with one-hot columns, a copy of the matrix with one float32 per one-hot column at least; posting the dataset to
 *   the host copies its target (4).
 * The budget counts both, so that the import refuses before the working memory is allocated.
 */
export function csvBytesPerRow(
  numericFeatures: number,
  oneHotColumns: number,
  labelNumeric: boolean,
): {
  stored: number;
  working: number;
} {
  const label = labelNumeric ? 8 : 4;
  const stored = 4 * numericFeatures + 4 * oneHotColumns + label;
  const oneHotCopy = oneHotColumns > 0 ? 4 * (numericFeatures + oneHotColumns) : 0;
  const working = 2 * numericFeatures + 2 * (label + 4 * oneHotColumns) + 4 + oneHotCopy + 4;
  return { stored, working };
}

export class ImportBudget {
  /**
   * @param file the file being imported (named in the error)
   * @param limits the row limit and the byte budget
   * @param bytesPerRow what one row costs at the import's peak, stored and while parsing (csvBytesPerRow's sum)
   */
  constructor(
    private readonly file: string,
    private readonly limits: Pick<ImportLimits, 'maxRows' | 'memoryBudgetBytes'>,
    readonly bytesPerRow: number,
  ) {}

  /** Throw once `rows` passes the row limit or the budget (called as rows arrive, before the arrays grow much further). */
  check(rows: number): void {
    if (rows > this.limits.maxRows) {
      throw DatasetImportError.overLimit(
        this.file,
        'max-rows',
        `the dataset has more than ${this.limits.maxRows.toLocaleString('en')} rows, the row limit; ${HOW_TO_RAISE_ROWS}`,
      );
    }
    this.refuseBytes(rows, false);
  }

  /**
   * Plain (uncompressed) files: project the number of rows from the text read so far and refuse at once when
   * the projection is over the limits, instead of finding out after reading the whole file.
   */
  checkProjected(rows: number, textBytesRead: number, totalTextBytes: number): void {
    if (rows < 1000 || textBytesRead <= 0) return;
    const projected = Math.ceil((rows * totalTextBytes) / textBytesRead);
    if (projected > this.limits.maxRows * 1.1) {
      throw DatasetImportError.overLimit(
        this.file,
        'max-rows',
        `the dataset has about ${projected.toLocaleString('en')} rows (estimated from the first ${formatBytes(textBytesRead)}), more than the row limit of ${this.limits.maxRows.toLocaleString('en')}; ${HOW_TO_RAISE_ROWS}`,
      );
    }
    this.refuseBytes(projected, true);
  }

  private refuseBytes(rows: number, estimated: boolean): void {
    const bytes = rows * this.bytesPerRow;
    if (bytes <= this.limits.memoryBudgetBytes) return;
    const about = estimated ? 'about ' : 'more than ';
    throw DatasetImportError.overLimit(
      this.file,
      'memory-budget',
      `the dataset needs ${about}${formatBytes(bytes)} with the parser's working memory (${about}${rows.toLocaleString('en')} rows × ${this.bytesPerRow} bytes), more than the import memory budget of ${formatBytes(this.limits.memoryBudgetBytes)}; ${HOW_TO_RAISE_BYTES}`,
    );
  }
}
