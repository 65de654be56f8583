// Run the headless CLI: build out/main/cli.js first only when it is missing or older than a source file, then run it with the arguments.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out', 'main', 'cli.js');
const SOURCES = ['src/cli', 'src/core', 'src/main', 'src/shared', 'bench', 'electron.vite.config.ts', 'package.json'];

/** Newest modification time (ms) under `path` (a file or a folder, walked recursively); 0 when absent. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function builtAt() {
  try {
    return statSync(cli).mtimeMs;
  } catch {
    return 0;
  }
}

const built = builtAt();
if (built === 0 || SOURCES.some((s) => newest(join(root, s)) > built)) {
  process.stderr.write('cli: building (out/main/cli.js is missing or older than the sources)…\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    // Only a failed build's output is worth showing (a good one prints pages of plugin notes).
    process.stderr.write(`${build.stdout}${build.stderr}cli: the build failed (exit ${build.status ?? build.signal})\n`);
    process.exit(1);
  }
}
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
