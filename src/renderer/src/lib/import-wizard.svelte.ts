/**
 * The CSV import wizard's state: the chosen file, its sniffed head (live preview), the options being edited,
 * the import progress, and the problems of a failed import (line, column, value, expected).
 */
import { describeError } from './describe-error';
import type { ApiClient } from '../../../shared/api';
import type { FileRef } from '../../../shared/api/app';
import type { CsvSniff, DatasetSummary, ImportOptions } from '../../../shared/datasets';

/** One problem parsed back from a DatasetImportError message. */
export interface ShownProblem {
  line: number;
  column: string | null;
  value: string;
  expected: string;
}

const PROBLEM = /line (\d+)(?:, column "((?:[^"\\]|\\.)*)")?: ("(?:[^"\\]|\\.)*") \([^)]*\) — expected ([^;]+?)(?=; |$)/g;

/** The problems a DatasetImportError message lists (`line 7, column "x": "12abc" (not a number) — expected a number`). */
export function parseProblems(message: string): ShownProblem[] {
  return [...message.matchAll(PROBLEM)].map((m) => ({
    line: Number(m[1]),
    column: m[2] ?? null,
    value: JSON.parse(m[3]) as string,
    expected: m[4].trim(),
  }));
}

export class ImportWizard {
  file = $state<FileRef | null>(null);
  sniff = $state<CsvSniff | null>(null);
  options = $state<ImportOptions>({ header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false });
  /** Chosen label column (index into the sniffed columns); null = the service's default (the last column). */
  labelColumn = $state<number | null>(null);
  /** Feature columns switched off in the wizard. */
  excluded = $state<number[]>([]);
  busy = $state(false);
  progress = $state<{ bytesRead: number; totalBytes: number; rows: number } | null>(null);
  error = $state<string | null>(null);
  /** The English message of the last failure (the problems are read from it, whatever the UI language). */
  private failure = $state<string | null>(null);
  readonly problems = $derived(this.error && this.failure ? parseProblems(this.failure) : []);
  readonly columns = $derived(this.sniff?.columnNames ?? []);

  constructor(private readonly api: ApiClient) {
    api.on('datasets.progress', (p) => {
      if (this.busy) this.progress = p;
    });
  }

  /** Start the wizard on a registered file: sniff its head for the preview. */
  async open(file: FileRef): Promise<void> {
    this.reset();
    this.file = file;
    try {
      this.sniff = await this.api.call('datasets.sniff', { fileId: file.fileId });
      this.options.delimiter = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
  }

  /** Import with the current options; returns the dataset, or null with `error` set. */
  async import(): Promise<DatasetSummary | null> {
    const file = this.file;
    if (!file) return null;
    this.busy = true;
    this.error = null;
    this.progress = null;
    try {
      const options: ImportOptions = { ...$state.snapshot(this.options) };
      if (options.delimiter === undefined) delete options.delimiter;
      if (this.labelColumn !== null) options.labelColumn = this.labelColumn;
      const label = this.labelColumn ?? this.columns.length - 1;
      if (this.excluded.length > 0) options.featureColumns = this.columns.map((_, i) => i).filter((i) => i !== label && !this.excluded.includes(i));
      const summary = await this.api.call('datasets.import', { fileId: file.fileId, options });
      this.close();
      return summary;
    } catch (error) {
      this.error = describeError(error);
      this.failure = error instanceof Error ? error.message : String(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  toggleFeature(index: number, on: boolean): void {
    this.excluded = on ? this.excluded.filter((i) => i !== index) : [...this.excluded, index];
  }

  close(): void {
    this.file = null;
    this.sniff = null;
  }

  private reset(): void {
    this.error = null;
    this.progress = null;
    this.labelColumn = null;
    this.excluded = [];
    this.options = { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false };
  }
}
