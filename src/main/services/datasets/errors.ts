/** DatasetImportError: why an import failed, with the first problems (file, line, column, value, expected) and their total. */
import { basename } from 'node:path';
import type { CsvProblem } from '../../../shared/datasets';
import type { WorkerImportError } from '../../../shared/workers/datasets';
import type { WireError } from '../../../shared/errors';
import type { DatasetImportReason } from '../../../shared/dataset-import-reasons';
import { ColumnError } from '../../../core/datasets/column-error';

/** A stable sub-code of the failure and its values, for the UI to word (the English message stays as the CLI prints it). */
export interface ImportReason {
  code: DatasetImportReason;
  params: Record<string, string | number>;
}

export const MAX_REPORTED_PROBLEMS = 20;

/** One problem as one clause: `line 7, column "sepal_width": "12abc" — expected a number`. */
export function formatProblem(p: CsvProblem): string {
  const where = p.column === null ? `line ${p.line}` : `line ${p.line}, column "${p.column}"`;
  const value = p.value.length > 40 ? `${p.value.slice(0, 40)}…` : p.value;
  return `${where}: ${JSON.stringify(value)} (${p.reason}) — expected ${p.expected}`;
}

/** Which of the import's limits refused the dataset (in the wire params, so that a caller can tell a refusal from bad data). */
export type ImportLimitName = 'max-rows' | 'memory-budget';

export class DatasetImportError extends Error {
  override readonly name = 'DatasetImportError';
  /** Set when a limit, not the data, stopped the import. */
  limit: ImportLimitName | null = null;
  /** Set when the failure has a stable reason (wrong delimiter, unreadable file, column roles…) rather than cell problems. */
  reason: ImportReason | null = null;

  /**
   * @param file the file (or source) being imported
   * @param summary what went wrong, e.g. "3 invalid cells" or "corrupt idx header"
   * @param problems the first problems (at most MAX_REPORTED_PROBLEMS are kept in the message)
   * @param totalProblems how many problems exist in all
   */
  constructor(
    readonly file: string,
    readonly summary: string,
    readonly problems: CsvProblem[] = [],
    readonly totalProblems: number = problems.length,
  ) {
    const shown = problems.slice(0, 3).map(formatProblem).join('; ');
    const more = totalProblems > 3 ? `; … ${totalProblems - 3} more` : '';
    super(`${basename(file)}: ${summary}${shown ? ` — ${shown}${more}` : ''}`);
  }

  /** As it reaches the page: code 'dataset-import', the file's base name only, the problems as structured params. */
  toWireError(): WireError {
    const params = {
      file: basename(this.file),
      summary: this.summary,
      problems: this.problems,
      totalProblems: this.totalProblems,
      ...(this.limit ? { limit: this.limit } : {}),
      ...(this.reason ? { ...this.reason.params, reason: this.reason.code } : {}),
    };
    return { code: 'dataset-import', message: this.message, params };
  }

  /** Plain data that survives postMessage. */
  toJSON(): WorkerImportError {
    return {
      file: this.file,
      summary: this.summary,
      message: this.message,
      problems: this.problems,
      totalProblems: this.totalProblems,
      limit: this.limit,
      reason: this.reason,
    };
  }

  /** A refusal by one of the import's limits. */
  static overLimit(file: string, limit: ImportLimitName, summary: string): DatasetImportError {
    const e = new DatasetImportError(file, summary);
    e.limit = limit;
    return e;
  }

  /** Rebuild an error sent by the worker, keeping its exact message. */
  static fromJSON(data: WorkerImportError): DatasetImportError {
    const e = new DatasetImportError(data.file, data.summary, data.problems, data.totalProblems);
    e.message = data.message;
    e.limit = data.limit ?? null;
    e.reason = (data.reason as ImportReason | null | undefined) ?? null;
    return e;
  }

  /** A failure with a stable reason: `summary` is the English text, `code` and `params` say it as data. */
  static because(
    file: string,
    summary: string,
    code: DatasetImportReason,
    params: Record<string, string | number> = {},
  ): DatasetImportError {
    const e = new DatasetImportError(file, summary);
    e.reason = { code, params };
    return e;
  }

  /** Wrap an error thrown while planning columns or deciding the task; a ColumnError keeps its reason. */
  static wrap(file: string, error: unknown): DatasetImportError {
    if (error instanceof ColumnError) return DatasetImportError.because(file, error.message, error.reason, error.params);
    return new DatasetImportError(file, error instanceof Error ? error.message : String(error));
  }
}

/** The error for a CSV that had problems and no "drop invalid rows" choice. */
export function problemsError(file: string, problems: CsvProblem[], total: number): DatasetImportError {
  const kept = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const noun = total === 1 ? 'problem' : 'problems';
  return new DatasetImportError(
    file,
    `${total} ${noun} found, import stopped (choose "drop rows with missing or invalid values" to skip them)`,
    kept,
    total,
  );
}
