/** `import-run`: read back a run trained by an exported PyTorch project (model.safetensors, losses.csv, epochs.csv), validated, and print it. */
import { importPytorchRun, locateRunFiles } from '../../main/services/run-import/import-pytorch-run';
import { parseCommandArgs } from '../command-args';
import { UsageError } from '../usage-error';

export const IMPORT_RUN_OPTIONS = { json: { type: 'boolean' } } as const;

export const IMPORT_RUN_HELP = `  import-run <folder | model.safetensors> [--json]
             check a run trained by an exported PyTorch project (train.py's --out folder: model.safetensors,
             losses.csv, epochs.csv) as the app's Runs → Import PyTorch run… reads it, and print its summary and
             curves (with --json: one JSON line of the run); a bad file exits 2 naming the file, row, column and value`;

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toPrecision(4));

/** 0 when the run's files are valid; throws RunImportError / ModelFileError (exit 2) naming what is wrong. */
export async function runImportRun(argv: string[], out: (line: string) => void): Promise<number> {
  const [target, ...rest] = argv;
  if (target === undefined || target.startsWith('-'))
    throw new UsageError('import-run: name the folder train.py wrote (its --out) or its model.safetensors');
  const values = parseCommandArgs('import-run', rest, IMPORT_RUN_OPTIONS);
  const run = await importPytorchRun(await locateRunFiles(target));
  const { summary, curves } = run;
  if (values.json === true) {
    out(JSON.stringify({ event: 'run', summary, curves }));
    return 0;
  }
  out(`${summary.name}: ${summary.iteration} iterations, ${curves.epochs.length} epochs (${curves.loss.length} loss points)`);
  out(`  train      loss ${fmt(summary.train?.loss)}  accuracy ${fmt(summary.train?.accuracy)}`);
  out(`  validation loss ${fmt(summary.validation?.loss)}  accuracy ${fmt(summary.validation?.accuracy)}`);
  out(`  test       loss ${fmt(summary.test?.loss)}  accuracy ${fmt(summary.test?.accuracy)}`);
  return 0;
}
