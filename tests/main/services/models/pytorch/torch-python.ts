/** Test helper: find a Python with torch (Debian's /usr/bin/python3 first, then python3 on PATH) and run code in a project folder. */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelSnapshot } from '../../../../../src/shared/model';
import type { PytorchDataConfig } from '../../../../../src/main/services/models/pytorch/data-config';
import { defaultDataConfig } from '../../../../../src/main/services/models/pytorch/data-config';
import { exportPytorch } from '../../../../../src/main/services/models/pytorch/export';
import { writeProject } from '../../../../../src/main/services/models/pytorch/write-project';

const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** The first interpreter that imports torch and numpy, or null with the reason (printed by the caller). */
function findTorchPython(): { python: string | null; reason: string } {
  const reasons: string[] = [];
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, reason: '' };
    reasons.push(`${python}: ${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`}`);
  }
  return { python: null, reason: `no Python with torch and numpy (${reasons.join('; ')})` };
}

export const { python: TORCH_PYTHON, reason: TORCH_MISSING } = findTorchPython();

/** Export `snapshot` as a project in a new temporary folder; returns the folder. */
export async function writeTempProject(
  snapshot: ModelSnapshot,
  data: PytorchDataConfig = defaultDataConfig(snapshot.trainingConfig.seed),
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pytorch-project-'));
  await writeProject(dir, exportPytorch(snapshot, data));
  return dir;
}

/** Run `code` with the torch interpreter in `cwd` (the project folder is importable); throws with stderr on failure. */
export function runPython(cwd: string, code: string, args: string[] = [], env: Record<string, string> = {}): string {
  if (!TORCH_PYTHON) throw new Error(TORCH_MISSING);
  const run = spawnSync(TORCH_PYTHON, ['-c', code, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}
