/** exportPytorch: the project's files, its README (settings without a PyTorch counterpart), and Python sources that compile. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../../../../src/main/services/models/model-codec';
import { defaultDataConfig } from '../../../../../src/main/services/models/pytorch/data-config';
import { exportPytorch } from '../../../../../src/main/services/models/pytorch/export';
import { EQUIVALENCE_TABLE } from '../../../../../src/main/services/models/pytorch/readme';
import { writeProject } from '../../../../../src/main/services/models/pytorch/write-project';
import { makeSnapshot } from '../../../../fixtures/models/snapshot';
import { PYTORCH_PROJECT_FILES } from '../../../../fixtures/models/pytorch-project';

const PYTHON =
  ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import py_compile'], { encoding: 'utf8' }).status === 0) ??
  null;
if (!PYTHON) console.log('skipping the py_compile check: no python3 found');

const textOf = (files: ReturnType<typeof exportPytorch>, name: string): string =>
  new TextDecoder().decode(files.find((f) => f.name === name)?.bytes);

describe('exportPytorch', () => {
  it('holds the sources, config.json, README, requirements and the validated weights', () => {
    const snapshot = makeSnapshot('float32');
    const files = exportPytorch(snapshot, defaultDataConfig(7));
    expect(files.map((f) => f.name)).toEqual(PYTORCH_PROJECT_FILES);
    expect(JSON.parse(textOf(files, 'config.json'))).toEqual({
      trainingConfig: snapshot.trainingConfig,
      data: { source: null, validation: 0.1, test: 0.1, seed: 7, stratify: true },
    });
    const weights = files.find((f) => f.name === 'model.safetensors')?.bytes ?? new Uint8Array(0);
    expect(decodeModel(weights, 'model.safetensors').tensors.map((t) => t.name)).toEqual(snapshot.tensors.map((t) => t.name));
    expect(textOf(files, 'model.py')).toMatch(/^"""The network of a Backprop Studio model/);
    expect(textOf(files, 'model.py')).toContain('def load_model(path, device="cpu"):');
    expect(textOf(files, 'requirements.txt')).toMatch(/^torch>=1\.13$/m);
  });

  it('documents, in the README, every setting without an exact PyTorch counterpart', () => {
    const readme = textOf(exportPytorch(makeSnapshot('float64'), defaultDataConfig(7)), 'README.md');
    for (const setting of [
      'Dropout (book scaling)',
      'BatchNormalization momentum',
      'Weight decay',
      'Nesterov',
      'Adam',
      'Cosine schedule',
      'Initialisation',
      'Weight layout',
    ]) {
      expect(readme).toContain(`| ${setting}`);
    }
    expect(readme).toContain('not recorded: pass --data');
    expect(readme).toContain('torchrun --nproc_per_node 4 train.py --device cuda');
  });

  it('keeps names from the model file on one line of the README', () => {
    const snapshot = makeSnapshot('float32');
    snapshot.datasetName = 'evil\n## injected `code`';
    const readme = textOf(exportPytorch(snapshot, defaultDataConfig(7)), 'README.md');
    expect(readme.split('\n')[0]).toBe('# evil ## injected  code  — a Backprop Studio model as a PyTorch project');
  });

  it.skipIf(PYTHON === null)('writes Python sources that compile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pytorch-compile-'));
    try {
      await writeProject(dir, exportPytorch(makeSnapshot('float32'), defaultDataConfig(7)));
      const names = ['model.py', 'layers.py', 'optim.py', 'data.py', 'train.py', 'rng.py', 'model_file.py'].map((n) =>
        join(dir, n),
      );
      const run = spawnSync(PYTHON ?? 'python3', ['-m', 'py_compile', ...names], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file name that would leave the project folder', async () => {
    await expect(
      writeProject(join(tmpdir(), 'never-created'), [{ name: '../escape.py', bytes: new Uint8Array(0) }]),
    ).rejects.toThrow(/not a plain file name/);
  });
});

describe('docs/pytorch-export.md', () => {
  it('carries the same table of settings without an exact PyTorch counterpart as the generated README', async () => {
    expect(await readFile(join(process.cwd(), 'docs', 'pytorch-export.md'), 'utf8')).toContain(EQUIVALENCE_TABLE);
  });
});
