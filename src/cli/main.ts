/** The headless CLI entry (built to out/main/cli.js): dispatches a command over the same services and engine as the app. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInspect } from './commands/inspect';
import { runPredict } from './commands/predict';
import { runExport } from './commands/export';
import { runTrain } from './commands/train';
import { runGradcheck } from './commands/gradcheck';
import { runBenchCommand } from './commands/bench';
import { runExperimentCommand } from './commands/experiment';
import { runGraph } from './commands/graph';
import { runImportRun } from './commands/import-run';
import { AppError } from '../shared/errors';
import type { CliContext } from './context';
import { HELP } from './help';
import { exitQuietlyOnClosedPipe } from './closed-pipe';
import { enableRelaxedSimd } from '../main/runtime/relaxed-simd';

enableRelaxedSimd();

/** Errors that mean "bad input" (exit 2) rather than "the run failed" (exit 1). */
const BAD_INPUT = new Set(['UsageError', 'DatasetImportError', 'ArchitectureError', 'ModelFileError', 'ZodError', 'GraphError']);
/** Coded errors that mean "bad input" too: an experiment the user asked for wrongly, an imported run's invalid files. */
const isBadInputCode = (error: Error): boolean =>
  error instanceof AppError && (error.code.startsWith('experiment-') || error.code === 'run-import');

const COMMANDS: Record<string, (argv: string[], ctx: CliContext) => Promise<number>> = {
  train: runTrain,
  gradcheck: runGradcheck,
  bench: runBenchCommand,
  experiment: runExperimentCommand,
  inspect: (argv, ctx) => runInspect(argv, ctx.out),
  predict: (argv, ctx) => runPredict(argv, ctx.out),
  export: (argv, ctx) => runExport(argv, ctx.out),
  graph: (argv, ctx) => runGraph(argv, ctx.out),
  'import-run': (argv, ctx) => runImportRun(argv, ctx.out),
  help: (_argv, ctx) => {
    ctx.out(HELP);
    return Promise.resolve(0);
  },
};

/** Run the command named by argv[0]; resolves with the exit code. */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return COMMANDS.help(rest, ctx);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    ctx.stderr.write(
      `error: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(', ')} (see: npm run cli -- help)\n`,
    );
    return 2;
  }
  try {
    return await command(rest, ctx);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const message = err.message.split('\n')[0];
    ctx.stderr.write(`error: ${message}\n`);
    return BAD_INPUT.has(err.name) || isBadInputCode(err) ? 2 : 1;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const context: CliContext = {
  out: (line) => process.stdout.write(`${line}\n`),
  stderr: process.stderr,
  workerPath: join(here, 'engine-worker.js'),
  benchPath: join(here, 'bench.js'),
};
exitQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
process.exitCode = await main(process.argv.slice(2), context);
