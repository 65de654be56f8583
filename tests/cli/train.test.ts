import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, NO_BUILD } from '../main/engine/fixtures';
import { runCli } from './cli-process';
import { writeGzipBomb } from '../main/services/datasets/gzip-bomb';

const dir = mkdtempSync(join(tmpdir(), 'cli-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SPIRAL = [
  '--data',
  'builtin:spiral',
  '--samples',
  '150',
  '--hidden',
  '16',
  '--optimizer',
  'sgd',
  '--lr',
  '0.5',
  '--batch',
  '10',
];

describe.skipIf(NO_BUILD ?? (existsSync(CLI_PATH) ? null : `skipped: ${CLI_PATH} is missing`))('cli train', () => {
  it('prints progress and epoch JSON lines, then one done object with every split, and saves the model', async () => {
    const model = join(dir, 'spiral.safetensors');
    const r = await runCli(['train', ...SPIRAL, '--epochs', '3', '--json', '--out', model]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.json();
    expect(lines.some((l) => l.event === 'progress')).toBe(true);
    expect(lines.filter((l) => l.event === 'epoch').length).toBeGreaterThanOrEqual(1);
    const done = lines.at(-1) as Record<string, { loss: number; accuracy: number } | number | string | null>;
    expect(done.event).toBe('done');
    expect(done.model).toBe(model);
    expect(typeof (done.train as { loss: number }).loss).toBe('number');
    expect(done.validation).not.toBeNull();
    expect(done.test).not.toBeNull();
    expect(done.samplesPerSecond).toBeGreaterThan(0);
    expect(existsSync(model)).toBe(true);
  });

  it('refuses a 1 GiB gzip bomb with exit 2 (bad input) and the limit to raise, in train and in inspect alike', async () => {
    const bomb = join(dir, 'bomb.csv.gz');
    writeGzipBomb(bomb, 1024);
    for (const command of ['train', 'inspect']) {
      const r = await runCli([command, '--data', bomb, ...(command === 'train' ? ['--epochs', '1'] : [])]);
      expect(`${r.stdout}${r.stderr}`).toMatch(
        /bomb\.csv\.gz: the dataset has more than 10,000,000 rows, the row limit; .*--max-rows/,
      );
      expect(r.code).toBe(2);
    }
  });

  it('refuses with exit 2 a split over --memory-budget before making it', async () => {
    const r = await runCli(['train', '--data', 'builtin:iris', '--epochs', '1', '--memory-budget', '4KiB']);
    // 150 rows × (4 features × 4 + 3 × 4 label + 13 index bytes) = 6,150 bytes.
    expect(r.stderr).toMatch(
      /Iris: splitting the data needs about 6\.0 KiB, more than the memory budget of 4\.0 KiB; raise it with --memory-budget/,
    );
    expect(r.code).toBe(2);
  });

  it('reports a split that does not exist as null', async () => {
    const r = await runCli(['train', ...SPIRAL, '--iterations', '5', '--val', '0', '--test', '0', '--json']);
    expect(r.code).toBe(0);
    const done = r.json().at(-1);
    expect(done).toMatchObject({ event: 'done', validation: null, test: null, model: null });
  });

  it('exits 1 with a failed object naming where the NaN appeared when the run blows up', async () => {
    const r = await runCli(['train', ...SPIRAL, '--lr', '1e30', '--epochs', '2', '--json']);
    expect(r.code).toBe(1);
    const last = r.json().at(-1);
    expect(last).toMatchObject({ event: 'failed', nonFinite: { epoch: 0 } });
    expect(String(last?.reason)).toMatch(/non-finite/);
  });

  it('exits 2 with a one-line error for a bad flag value', async () => {
    const r = await runCli(['train', ...SPIRAL, '--lr', 'fast']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--lr: expected a number > 0, got "fast"/);
  });

  it('exits 2 for an unknown flag and for --epochs with --iterations', async () => {
    const unknown = await runCli(['train', ...SPIRAL, '--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/train: Unknown option '--colour'/);
    const both = await runCli(['train', ...SPIRAL, '--epochs', '2', '--iterations', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exclude each other/);
  });

  it('exits 2 when --arch does not fit the data, or when the network is over the memory budget', async () => {
    const arch = join(dir, 'arch.json');
    writeFileSync(arch, JSON.stringify({ inputSize: 5, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] }));
    const misfit = await runCli(['train', '--data', 'builtin:spiral', '--arch', arch]);
    expect(misfit.code).toBe(2);
    expect(misfit.stderr).toMatch(/inputSize is 5 but the data has 2 features/);
    // An invalid architecture names its layer by the number the editor shows (the loss is the 3rd layer of the list).
    writeFileSync(
      arch,
      JSON.stringify({
        inputSize: 2,
        layers: [{ type: 'Affine', units: 3 }, { type: 'Relu' }, { type: 'SoftmaxWithLoss' }, { type: 'Relu' }],
      }),
    );
    const lossNotLast = await runCli(['train', '--data', 'builtin:spiral', '--arch', arch]);
    expect(lossNotLast.code).toBe(2);
    expect(lossNotLast.stderr).toMatch(/Layer 3 \(SoftmaxWithLoss\): a loss layer must be the last layer/);
    expect(lossNotLast.stderr).toMatch(/Layer 4 \(Relu\): the last layer must be a loss layer/);
    const huge = await runCli(['train', '--data', 'builtin:spiral', '--hidden', Array(15).fill(4096).join(',')]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/memory budget/);
  });
});
