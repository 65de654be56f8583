/** Messages between the dataset service and its import worker (discriminated unions, handled exhaustively). */
import type { CsvProblem, DataSource, ImportOptions, ImportProgress, ImportResult } from '../datasets';

export type ToWorker = { type: 'import'; source: DataSource; options: ImportOptions; resourcesDir?: string } | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | {
      type: 'failed';
      error: { file: string; summary: string; message: string; problems: CsvProblem[]; totalProblems: number } | null;
      message: string;
    };
