import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, NO_BUILD } from '../main/engine/fixtures';
import { decodeModel } from '../../src/main/services/models/model-codec';
import { runCli } from './cli-process';

const dir = mkdtempSync(join(tmpdir(), 'cli-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA = ['--data', 'builtin:spiral', '--samples', '150'];
const TRAIN = ['--hidden', '16', '--optimizer', 'adam', '--lr', '0.01', '--batch', '16', '--epochs', '6', '--patience', '50'];

/** Every weight of a model file as raw bytes per tensor (bit-for-bit comparison). */
const weightBits = (file: string) =>
  decodeModel(new Uint8Array(readFileSync(file)), file).tensors.map((t) => [
    t.name,
    Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength).toString('hex'),
  ]);

async function ok(args: string[]) {
  const r = await runCli(args);
  expect(r.stderr.replace(/\r?[^\n]*\r/g, '')).not.toMatch(/error|warning/);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe.skipIf(NO_BUILD ?? (existsSync(CLI_PATH) ? null : `skipped: ${CLI_PATH} is missing`))('cli train checkpoints', () => {
  it.each(['float32', 'float64'])(
    'writes epoch checkpoints; --from epoch k with unchanged settings and --resume both end bit-identical to the whole run (%s)',
    async (precision) => {
      const ckpts = join(dir, `whole-${precision}`);
      const whole = join(dir, `whole-${precision}.safetensors`);
      await ok([
        'train',
        ...DATA,
        ...TRAIN,
        '--precision',
        precision,
        '--checkpoint-every',
        '1',
        '--out-dir',
        ckpts,
        '--out',
        whole,
        '--json',
      ]);
      expect(readdirSync(ckpts).sort()).toEqual([
        'epoch-0001.safetensors',
        'epoch-0002.safetensors',
        'epoch-0003.safetensors',
        'epoch-0004.safetensors',
        'epoch-0005.safetensors',
      ]);

      const branch = join(dir, `branch-${precision}.safetensors`);
      await ok(['train', ...DATA, '--from', join(ckpts, 'epoch-0003.safetensors'), '--out', branch, '--json']);
      expect(weightBits(branch)).toEqual(weightBits(whole));

      // An interruption after epoch 2: only its first checkpoints exist.
      const interrupted = join(dir, `interrupted-${precision}`);
      mkdirSync(interrupted);
      for (const name of ['epoch-0001.safetensors', 'epoch-0002.safetensors'])
        copyFileSync(join(ckpts, name), join(interrupted, name));
      const resumed = join(dir, `resumed-${precision}.safetensors`);
      const r = await ok(['train', ...DATA, '--resume', interrupted, '--out', resumed, '--json']);
      const epochs = r
        .json()
        .filter((l) => l.event === 'epoch')
        .map((l) => l.epoch as number); // throttled: not every epoch
      expect([Math.min(...epochs) >= 2, epochs.at(-1)]).toEqual([true, 5]);
      expect(weightBits(resumed)).toEqual(weightBits(whole));
      expect(readdirSync(interrupted)).toContain('epoch-0005.safetensors'); // the resumed run checkpoints on in its folder
    },
  );

  it('branches with edited settings (a lower learning rate, more epochs) and trains only the epochs after k', async () => {
    const ckpts = join(dir, 'whole-float32');
    const r = await ok([
      'train',
      ...DATA,
      '--from',
      join(ckpts, 'epoch-0004.safetensors'),
      '--lr',
      '0.001',
      '--epochs',
      '7',
      '--json',
    ]);
    const epochs = r
      .json()
      .filter((l) => l.event === 'epoch')
      .map((l) => l.epoch as number);
    expect([Math.min(...epochs) >= 4, epochs.at(-1)]).toEqual([true, 6]);
    expect(r.json().find((l) => l.event === 'progress')?.learningRate).toBe(0.001);
  });

  it('refuses what a checkpoint cannot continue with, naming the flag', async () => {
    const file = join(dir, 'whole-float32', 'epoch-0004.safetensors');
    for (const [args, message] of [
      [['--from', file, '--seed', '3'], /--seed and --precision cannot change/],
      [['--from', file, '--hidden', '8'], /takes the architecture from the checkpoint; drop --hidden/],
      [['--resume', join(dir, 'whole-float32'), '--lr', '0.1'], /use --from to change --lr/],
      [['--checkpoint-every', '2'], /--checkpoint-every needs --out-dir/],
      [['--resume', dir], /holds no checkpoint/],
    ] as const) {
      const r = await runCli(['train', ...DATA, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const other = await runCli(['train', '--data', 'builtin:spiral', '--samples', '90', '--from', file]);
    expect(other.stderr).toMatch(/trained on \d+ training rows; the data and split given make \d+/);
  });

  it('inspect --checkpoint prints what a checkpoint holds, and rejects a model file', async () => {
    const file = join(dir, 'whole-float64', 'epoch-0003.safetensors');
    const r = await ok(['inspect', '--checkpoint', file, '--json']);
    expect(r.json()[0]).toMatchObject({
      ok: true,
      epoch: 3,
      precision: 'float64',
      trainingConfig: { optimizer: 'adam', epochs: 6 },
      optimizer: { step: expect.any(Number) as number },
    });
    const text = await ok(['inspect', '--checkpoint', file]);
    expect(text.stdout).toMatch(/position {4}after epoch 3/);
    const model = await runCli(['inspect', '--checkpoint', join(dir, 'whole-float64.safetensors')]);
    expect(model.code).toBe(1);
    expect(model.stdout).toMatch(/not a checkpoint/);
  });
});
