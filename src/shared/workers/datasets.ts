/** Messages between the dataset service and its worker (imports, and the split of a dataset for a run): discriminated unions, handled exhaustively. */
import type { Dataset } from '../../core/datasets/dataset';
import type { PrepareOptions, PreparedSplits } from '../../core/datasets/prepare';
import type { CsvProblem, DataSource, ImportOptions, ImportProgress, ImportResult } from '../datasets';

/** A DatasetImportError as it crosses from the worker (its exact message, problems and the limit that refused, if any). */
export interface WorkerImportError {
  file: string;
  summary: string;
  message: string;
  problems: CsvProblem[];
  totalProblems: number;
  limit?: 'max-rows' | 'memory-budget' | null;
  /** Why, as a stable sub-code of dataset-import (see DATASET_IMPORT_REASONS), with its values. */
  reason?: { code: string; params: Record<string, string | number> } | null;
}

export type ToWorker =
  | { type: 'import'; source: DataSource; options: ImportOptions; resourcesDir?: string }
  /** Split and normalize `dataset` (x on a SharedArrayBuffer: shared, not copied); the splits come back on SharedArrayBuffers. */
  | { type: 'prepare'; dataset: Dataset; publishedTest?: Dataset; options: PrepareOptions }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'prepared'; splits: PreparedSplits }
  | {
      type: 'failed';
      error: WorkerImportError | null;
      message: string;
    };
