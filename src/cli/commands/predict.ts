/** `predict`: run a saved model on a CSV with the same feature columns; print CSV or JSON lines, or write a CSV file. */
import writeFileAtomic from 'write-file-atomic';
import { parseCommandArgs } from '../command-args';
import { UsageError } from '../usage-error';
import { ModelService } from '../../main/services/models/service';
import type { CsvReadOptions } from '../../main/services/models/csv-features';
import { choiceFlag, numberFlag } from '../number-flag';

export const PREDICT_OPTIONS = {
  model: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  header: { type: 'string' },
  'skip-lines': { type: 'string' },
  delimiter: { type: 'string' },
} as const;

/** --header auto|yes|no, --skip-lines N, --delimiter , | ; | tab: read the file like `train` does. */
export function parseReadFlags(values: Record<string, string | boolean | undefined>): CsvReadOptions {
  const read: CsvReadOptions = {
    header: choiceFlag('header', values.header, ['auto', 'yes', 'no'] as const) ?? 'auto',
    skipLines: numberFlag('skip-lines', values['skip-lines'], { integer: true, min: 0, max: 1_000_000 }) ?? 0,
  };
  const delimiter = choiceFlag('delimiter', values.delimiter, [',', ';', 'tab', '\t'] as const);
  if (delimiter !== undefined) read.delimiter = delimiter === 'tab' ? '\t' : delimiter;
  return read;
}

/** Errors that mean bad input (exit 2) rather than a failed run (exit 1). */
export const BAD_INPUT_ERRORS = new Set(['UsageError', 'ModelFileError', 'DatasetImportError']);

const stderrLine = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Run `work`; a thrown error becomes one `error: …` line and exit code 2 (bad input) or 1 (failure). */
export async function withExitCode(work: () => Promise<number>, err: (line: string) => void): Promise<number> {
  try {
    return await work();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    err(`error: ${e.message.split('\n')[0]}`);
    return BAD_INPUT_ERRORS.has(e.name) ? 2 : 1;
  }
}

/** The value of a required string flag, or a UsageError naming it. */
export function requireFlag(command: string, values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} <value> is required`);
  return v;
}

/**
 * `predict --model <file> --data <file.csv> [--header auto|yes|no] [--skip-lines N] [--delimiter , | ; | tab] [--out predictions.csv] [--json]`.
 * Under a header the model's features are found by name; without one, by position. Prints the predictions CSV (row, predicted,
 * p(<class>)…), or with --json one `{"row","predicted","probabilities"}` object per line; --out writes the CSV atomically.
 * Resolves with the exit code: 0 ok, 2 bad flag or bad input (one-line error on `err`), 1 failure.
 */
export async function runPredict(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = stderrLine,
): Promise<number> {
  return withExitCode(async () => {
    const values = parseCommandArgs('predict', argv, PREDICT_OPTIONS);
    const modelPath = requireFlag('predict', values, 'model');
    const dataPath = requireFlag('predict', values, 'data');
    const read = parseReadFlags(values);
    const service = new ModelService();
    const model = await service.open(modelPath);
    const { predictions, csv } = await service.predictCsv(model.id, dataPath, read);
    if (typeof values.out === 'string') {
      await writeFileAtomic(values.out, csv);
      if (values.json !== true) out(`wrote ${predictions.length} predictions to ${values.out}`);
    }
    if (values.json === true) {
      for (const p of predictions) out(JSON.stringify({ row: p.row, predicted: p.predicted, probabilities: p.probabilities }));
    } else if (typeof values.out !== 'string') {
      for (const line of csv.trimEnd().split('\n')) out(line);
    }
    return 0;
  }, err);
}
