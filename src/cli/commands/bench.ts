/** `bench`: run the benchmark harness (out/main/bench.js) as a child process, passing its flags and JSON lines through. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { CliContext } from '../context';

/** Run the bench bundle with `argv` (e.g. `--only engine`); resolves with its exit code. */
export function runBenchCommand(argv: string[], ctx: CliContext): Promise<number> {
  if (!existsSync(ctx.benchPath)) {
    ctx.stderr.write(`error: ${ctx.benchPath} is missing; build it with npx electron-vite build\n`);
    return Promise.resolve(1);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ctx.benchPath, ...argv], { stdio: 'inherit' });
    child.on('error', (error) => {
      ctx.stderr.write(`error: cannot start the bench: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
