/**
 * The CSV import wizard's state: the chosen file, its head re-read by the service on every change of delimiter,
 * header or skipped lines (live preview), the label and feature choice with the task it gives, the import progress,
 * and the problems of a failed import (structured {line, column, value, expected} from the error's params).
 */
import { describeError } from './describe-error';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../../../shared/api';
import type { FileRef } from '../../../shared/api/app';
import type { CsvProblem, CsvSniff, DatasetSummary, ImportOptions, LabelOutcome, SniffOptions } from '../../../shared/datasets';

const DEFAULT_OPTIONS: ImportOptions = { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false };

/** The problems a dataset-import error carries in its params (never read back from its message). */
export function problemsOf(error: unknown): CsvProblem[] {
  if (!(error instanceof AppError) || error.code !== 'dataset-import') return [];
  const problems = error.params.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is CsvProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof p.line === 'number' &&
      (typeof p.column === 'string' || p.column === null) &&
      typeof p.value === 'string' &&
      typeof p.expected === 'string',
  );
}

export class ImportWizard {
  file = $state<FileRef | null>(null);
  sniff = $state<CsvSniff | null>(null);
  options = $state<ImportOptions>({ ...DEFAULT_OPTIONS });
  /** Chosen label column (index into the sniffed columns); null = the service's default (the last column). */
  labelColumn = $state<number | null>(null);
  /** Feature columns switched off in the wizard. */
  excluded = $state<number[]>([]);
  busy = $state(false);
  progress = $state<{ bytesRead: number; totalBytes: number; rows: number } | null>(null);
  error = $state<string | null>(null);
  problems = $state<CsvProblem[]>([]);
  readonly columns = $derived(this.sniff?.columnNames ?? []);
  readonly label = $derived(
    this.labelColumn !== null && this.labelColumn < this.columns.length ? this.labelColumn : this.columns.length - 1,
  );
  /** What importing will do with the chosen label: the user's task, else the service's rule judged on the head. */
  readonly outcome = $derived.by((): LabelOutcome | null => {
    const guess = this.sniff?.labels[this.label];
    if (!guess) return null;
    if (this.options.task === 'regression') return { task: 'regression' };
    if (this.options.task === 'classification' && guess.task === 'regression') return { task: 'classification', classes: 0 };
    return guess;
  });
  /** The physical line the preview is moved to (to show a problem's cell); null = the first rows. */
  around = $state<number | null>(null);
  /** Sniff requests answered out of order are dropped: only the newest one's answer is shown. */
  private request = 0;

  constructor(private readonly api: ApiClient) {
    api.on('datasets.progress', (p) => {
      if (this.busy) this.progress = p;
    });
  }

  /** Start the wizard on a registered file: sniff its head for the preview. */
  async open(file: FileRef): Promise<void> {
    this.reset();
    this.file = file;
    await this.refresh();
  }

  /** Re-read the head with the current delimiter, header and skipped lines (the preview, columns and label outcomes follow). */
  async refresh(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const request = ++this.request;
    const options: SniffOptions = { header: this.options.header, skipLines: this.options.skipLines };
    if (this.options.delimiter !== undefined) options.delimiter = this.options.delimiter;
    if (this.options.quote !== undefined) options.quote = this.options.quote;
    if (this.around !== null) options.around = this.around;
    try {
      const sniff = await this.api.call('datasets.sniff', { fileId: file.fileId, options });
      if (request !== this.request) return;
      this.sniff = sniff;
      if (this.labelColumn !== null && this.labelColumn >= sniff.columnNames.length) this.labelColumn = null;
      this.excluded = this.excluded.filter((i) => i < sniff.columnNames.length);
    } catch (error) {
      if (request === this.request) this.error = describeError(error);
    }
  }

  setDelimiter(delimiter: ImportOptions['delimiter']): Promise<void> {
    this.clearFailure();
    this.options.delimiter = delimiter;
    return this.refresh();
  }

  /** The quote character (", ' or none): the preview is re-read with it, and the import uses it. */
  setQuote(quote: ImportOptions['quote']): Promise<void> {
    this.clearFailure();
    this.options.quote = quote;
    return this.refresh();
  }

  setHeader(header: ImportOptions['header']): Promise<void> {
    this.clearFailure();
    this.options.header = header;
    return this.refresh();
  }

  setSkipLines(lines: number): Promise<void> {
    this.clearFailure();
    this.options.skipLines = lines;
    return this.refresh();
  }

  /** Take the sniffer's suggestion: skip the metadata line(s) and let the header be guessed again. */
  acceptSkipSuggestion(): Promise<void> {
    const suggestion = this.sniff?.skipSuggestion;
    if (!suggestion) return Promise.resolve();
    this.clearFailure();
    this.options.skipLines = suggestion.lines;
    this.options.header = 'auto';
    return this.refresh();
  }

  /** Move the preview so that a problem's line is in it (no re-read when it already is). */
  async showLine(line: number): Promise<void> {
    if (this.sniff?.rowLines.includes(line)) return;
    this.around = line;
    await this.refresh();
  }

  /** The options changed: the last failure's problems no longer describe what the preview shows. */
  private clearFailure(): void {
    this.error = null;
    this.problems = [];
    this.around = null;
  }

  /** Import with the current options; returns the dataset, or null with `error` and `problems` set. */
  async import(): Promise<DatasetSummary | null> {
    const file = this.file;
    if (!file) return null;
    this.busy = true;
    this.error = null;
    this.problems = [];
    this.progress = null;
    try {
      const options: ImportOptions = { ...$state.snapshot(this.options) };
      if (options.delimiter === undefined) delete options.delimiter;
      if (this.labelColumn !== null) options.labelColumn = this.label;
      if (this.excluded.length > 0)
        options.featureColumns = this.columns.map((_, i) => i).filter((i) => i !== this.label && !this.excluded.includes(i));
      const summary = await this.api.call('datasets.import', { fileId: file.fileId, options });
      this.close();
      return summary;
    } catch (error) {
      this.error = describeError(error);
      this.problems = problemsOf(error);
      if (this.problems.length > 0) await this.showLine(this.problems[0].line);
      return null;
    } finally {
      this.busy = false;
    }
  }

  toggleFeature(index: number, on: boolean): void {
    this.excluded = on ? this.excluded.filter((i) => i !== index) : [...this.excluded, index];
  }

  close(): void {
    this.request++;
    this.file = null;
    this.sniff = null;
  }

  private reset(): void {
    this.clearFailure();
    this.progress = null;
    this.labelColumn = null;
    this.excluded = [];
    this.options = { ...DEFAULT_OPTIONS };
  }
}
