// `npm run security`: installs the pinned Electronegativity in its own folder on first use (its lock file is
// committed), then runs the SARIF gate. Kept apart from the app's dependencies: see ../shared/STACK.md.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolDir = path.join(root, 'tools/electronegativity');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(toolDir, 'node_modules/@doyensec/electronegativity'))) {
  run(npm, ['ci', '--prefix', toolDir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
}
run(process.execPath, [path.join(toolDir, 'gate.mjs')]);
