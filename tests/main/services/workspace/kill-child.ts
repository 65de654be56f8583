/** Helpers of the kill tests: bundle a TypeScript child script once, then start it and SIGKILL it at a chosen moment. */
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';

/** Bundle `entry` (TypeScript) into one CommonJS file, so each child starts in ~50 ms (tsx would spend ~0.5 s per start). */
export function bundleChild(entry: string, outfile: string): void {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    define: { 'import.meta.dirname': '__dirname' }, // shared fixtures use it; CommonJS has __dirname
  });
}

/** Run `node script ...args`, SIGKILL it `delayMs` after its first line of output; resolves once it is dead. */
export function runAndKill(script: string, args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), delayMs));
    proc.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code} before the kill: ${stderr}`)),
    );
  });
}
