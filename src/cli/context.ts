/** What every CLI command receives from main: where to print and where the built worker and bench bundles are. */
export interface CliContext {
  /** One line of the command's output (stdout). */
  out: (line: string) => void;
  /** Progress and diagnostics go here (a progress bar when it is a TTY). */
  stderr: NodeJS.WriteStream;
  /** out/main/engine-worker.js next to the running cli.js. */
  workerPath: string;
  /** out/main/bench.js next to the running cli.js. */
  benchPath: string;
}
