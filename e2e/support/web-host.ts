/** Starts the built web host (out/main/web.js) on a free loopback port and reads the URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningWebHost {
  url: string;
  /** The host's user-data folder (where the workspace autosaves); pass it to the next startWebHost to restart. */
  userData: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  /** The repository root (default: the working directory). */
  root?: string;
  /** BACKPROP_USER_DATA of the host; default: a fresh temporary folder. The same folder again is a restart. */
  userData?: string;
}

export async function startWebHost(options: WebHostOptions = {}): Promise<RunningWebHost> {
  const root = options.root ?? process.cwd();
  const entry = path.join(root, 'out/main/web.js');
  if (!existsSync(entry)) throw new Error('out/main/web.js is missing: run `npm run build` first');
  const userData = options.userData ?? mkdtempSync(path.join(os.tmpdir(), 'backprop-e2e-'));
  const child = spawn(process.execPath, [entry, '--port', '0'], {
    cwd: root,
    env: { ...process.env, BACKPROP_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    userData,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
