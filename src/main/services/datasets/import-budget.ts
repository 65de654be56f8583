/** The import's row and memory budget: estimate a dataset's bytes from what has been read so far and refuse before it grows past the limits. */
import { formatBytes } from '../../engine/memory-budget';
import { DatasetImportError } from './errors';
import type { ImportLimits } from '../../../shared/datasets';

/** How the person raises the limits (the CLI flags and the desktop setting). */
const HOW_TO_RAISE_ROWS = 'import fewer rows, or raise the limit (--max-rows in the CLI, "maximum rows" in the settings)';
const HOW_TO_RAISE_BYTES = 'import fewer rows or columns, or raise the budget (--memory-budget in the CLI, "dataset memory budget" in the settings)';

export class ImportBudget {
  /**
   * @param file the file being imported (named in the error)
   * @param limits the row limit and the byte budget
   * @param bytesPerRow what one row costs once stored: 4 per float32 feature and per text code, 8 for the label
   */
  constructor(
    private readonly file: string,
    private readonly limits: Pick<ImportLimits, 'maxRows' | 'memoryBudgetBytes'>,
    readonly bytesPerRow: number,
  ) {}

  /** Throw once `rows` passes the row limit or the budget (called as rows arrive, before the arrays grow much further). */
  check(rows: number): void {
    if (rows > this.limits.maxRows) {
      throw new DatasetImportError(this.file, `the dataset has more than ${this.limits.maxRows.toLocaleString('en')} rows, the row limit; ${HOW_TO_RAISE_ROWS}`);
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
      throw new DatasetImportError(
        this.file,
        `the dataset has about ${projected.toLocaleString('en')} rows (estimated from the first ${formatBytes(textBytesRead)}), more than the row limit of ${this.limits.maxRows.toLocaleString('en')}; ${HOW_TO_RAISE_ROWS}`,
      );
    }
    this.refuseBytes(projected, true);
  }

  private refuseBytes(rows: number, estimated: boolean): void {
    const bytes = rows * this.bytesPerRow;
    if (bytes <= this.limits.memoryBudgetBytes) return;
    const about = estimated ? 'about ' : 'more than ';
    throw new DatasetImportError(
      this.file,
      `the dataset needs ${about}${formatBytes(bytes)} (${about}${rows.toLocaleString('en')} rows × ${this.bytesPerRow} bytes), more than the import memory budget of ${formatBytes(this.limits.memoryBudgetBytes)}; ${HOW_TO_RAISE_BYTES}`,
    );
  }
}
