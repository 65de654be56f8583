/** `export --format pytorch`: the project folder, its data settings, and a 2-process torchrun (gloo, CPU) whose model our predict accepts. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/commands/export';
import { runPredict } from '../../src/cli/commands/predict';
import { saveModelFile } from '../../src/main/services/models/model-file';
import { spiralSnapshot, spiralSplits } from '../fixtures/models/spiral-snapshot';
import { TORCH_MISSING, TORCH_PYTHON } from '../main/services/models/pytorch/torch-python';

if (!TORCH_PYTHON) console.log(`skipping the torchrun test: ${TORCH_MISSING}`);

let dir = '';
let model = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-export-pytorch-'));
  model = join(dir, 'spiral.safetensors');
  await saveModelFile(
    model,
    spiralSnapshot(spiralSplits(90, 42), {
      precision: 'float32',
      seed: 42,
      batchSize: 16,
      epochs: 2,
      optimizer: 'momentum',
      learningRate: 0.1,
    }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(fn: typeof runExport, argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await fn(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

/** A TCP port free on the loopback interface right now (for torchrun's rendezvous). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('export --format pytorch', () => {
  it('writes the project folder, with the data flags as config.json defaults', async () => {
    const project = join(dir, 'project');
    const { code, out } = await run(runExport, [
      '--model',
      model,
      '--format',
      'pytorch',
      '--out',
      project,
      '--data',
      'builtin:spiral',
      '--samples',
      '90',
      '--val',
      '0.2',
    ]);
    expect(code).toBe(0);
    expect(out[0]).toBe(`wrote a PyTorch project to ${project}; run: cd ${project} && python3 train.py`);
    expect((await readdir(project)).sort()).toEqual([
      'README.md',
      'config.json',
      'data.py',
      'layers.py',
      'model.py',
      'model.safetensors',
      'model_file.py',
      'optim.py',
      'requirements.txt',
      'rng.py',
      'train.py',
    ]);
    const config = JSON.parse(await readFile(join(project, 'config.json'), 'utf8')) as {
      data: Record<string, unknown>;
      trainingConfig: Record<string, unknown>;
    };
    expect(config.data).toEqual({
      source: 'builtin:spiral',
      samples: 90,
      generatorSeed: 42,
      validation: 0.2,
      test: 0.1,
      seed: 42,
      stratify: true,
    });
    expect(config.trainingConfig.optimizer).toBe('momentum');
    expect(await readFile(join(project, 'model.safetensors'))).toEqual(await readFile(model));
  });

  it('leaves the data source to --data at training time when no data flag is given, and refuses data flags for other formats', async () => {
    const project = join(dir, 'project');
    const { code, out } = await run(runExport, ['--model', model, '--format', 'pytorch', '--out', project]);
    expect(code).toBe(0);
    expect(out[0]).toContain('python3 train.py --data <your data>');
    expect(JSON.parse(await readFile(join(project, 'config.json'), 'utf8')).data).toEqual({
      source: null,
      validation: 0.1,
      test: 0.1,
      seed: 42,
      stratify: true,
    });
    const refused = await run(runExport, [
      '--model',
      model,
      '--format',
      'onnx',
      '--out',
      join(dir, 'm.onnx'),
      '--data',
      'builtin:spiral',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('apply to --format pytorch only');
  });

  it.skipIf(TORCH_PYTHON === null)(
    'trains with a 2-process torchrun (gloo, CPU) and writes a model our predict accepts',
    async () => {
      const project = join(dir, 'project');
      expect(
        (
          await run(runExport, [
            '--model',
            model,
            '--format',
            'pytorch',
            '--out',
            project,
            '--data',
            'builtin:spiral',
            '--samples',
            '90',
          ])
        ).code,
      ).toBe(0);
      const port = await freePort();
      // 72 training rows, batches of 16 dealt 8 per rank: 5 iterations per epoch, as in one process.
      // Gloo on the loopback interface only. --redirects/--tee as mappings: torch 1.13's launcher cannot parse its own default "0" under Python 3.11.
      const torchrun = spawnSync(
        TORCH_PYTHON ?? 'python3',
        [
          '-m',
          'torch.distributed.run',
          '--nproc_per_node',
          '2',
          '--master_addr',
          '127.0.0.1',
          '--master_port',
          String(port),
          '--redirects',
          '0:1',
          '--tee',
          '0:1',
          '--log_dir',
          join(dir, 'logs'),
          'train.py',
          '--epochs',
          '2',
          '--out',
          'trained',
        ],
        {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, OMP_NUM_THREADS: '1', GLOO_SOCKET_IFNAME: 'lo' },
          timeout: 300_000,
        },
      );
      expect(torchrun.stderr).not.toMatch(/Traceback/);
      expect(torchrun.status).toBe(0);
      expect(torchrun.stdout).toMatch(/completed after 10 iterations; wrote trained\/model.safetensors/);
      expect((await readFile(join(project, 'trained', 'epochs.csv'), 'utf8')).trim().split('\n')).toHaveLength(3);

      await writeFile(join(dir, 'rows.csv'), 'x1,x2\n0.1,0.2\n-0.5,0.3\n0.7,-0.7\n');
      const predict = await run(runPredict, [
        '--model',
        join(project, 'trained', 'model.safetensors'),
        '--data',
        join(dir, 'rows.csv'),
        '--json',
      ]);
      expect(predict.err).toEqual([]);
      expect(predict.code).toBe(0);
      const rows = predict.out.map((l) => JSON.parse(l) as { probabilities: number[] });
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    },
    320_000,
  );
});
