/** Tests the `predict` command: CSV and JSON output, --out file, headerless files by position, --skip-lines/--delimiter, exit codes 2 for bad flags and bad files, a closed pipe. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../main/engine/fixtures';
import { runPredict } from '../../src/cli/commands/predict';
import { saveModelFile } from '../../src/main/services/models/model-file';
import { Predictor } from '../../src/main/services/models/predictor';
import { makeSnapshot } from '../fixtures/models/snapshot';

let dir = '';
let model = '';
let data = '';
const snapshot = makeSnapshot('float32');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-predict-'));
  model = join(dir, 'm.safetensors');
  data = join(dir, 'd.csv');
  await saveModelFile(model, snapshot);
  await writeFile(data, 'width,sepal length,x"3,species\n2,1,3,setosa\n5,4,6,virginica\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPredict(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('predict command', () => {
  it('prints one JSON object per row with probabilities in class-name order', async () => {
    const { code, out } = await run(['--model', model, '--data', data, '--json']);
    expect(code).toBe(0);
    const expected = new Predictor(snapshot).predictRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(out.map((l) => JSON.parse(l) as unknown)).toEqual(
      expected.map((p) => ({ row: p.row, predicted: p.predicted, probabilities: p.probabilities })),
    );
  });

  it('prints the predictions CSV by default and writes it with --out', async () => {
    const printed = await run(['--model', model, '--data', data]);
    expect(printed.out[0]).toBe('row,predicted,p(setosa),p(versicolor),p(virginica)');
    expect(printed.out).toHaveLength(3);
    const outFile = join(dir, 'p.csv');
    const written = await run(['--model', model, '--data', data, '--out', outFile]);
    expect(written.out).toEqual([`wrote 2 predictions to ${outFile}`]);
    expect(await readFile(outFile, 'utf8')).toBe(`${printed.out.join('\n')}\n`);
  });

  it('exits 2 with one line for a bad flag or a missing one', async () => {
    const unknown = await run(['--model', model, '--data', data, '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(/^error: predict: Unknown option '--colour'/);
    const missing = await run(['--model', model]);
    expect(missing).toMatchObject({ code: 2, err: ['error: predict: --data <value> is required'] });
  });

  it('exits 2 for a corrupt model file and for a CSV lacking a feature column', async () => {
    await writeFile(join(dir, 'bad.safetensors'), 'not a model');
    const bad = await run(['--model', join(dir, 'bad.safetensors'), '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^error: .*bad.safetensors: declared header length/);
    await writeFile(data, 'width,other\n1,2\n');
    const csv = await run(['--model', model, '--data', data]);
    expect(csv.code).toBe(2);
    expect(csv.err[0]).toMatch(/needs feature column\(s\) "sepal length", "x\\"3"/);
  });

  it('reads a headerless file by position, detected or with --header no', async () => {
    const expected = new Predictor(snapshot)
      .predictRows([
        [1, 2, 3],
        [4, 5, 6],
      ])
      .map((p) => p.predicted);
    await writeFile(data, '1,2,3\n4,5,6\n');
    for (const flags of [[], ['--header', 'no']]) {
      const { code, out } = await run(['--model', model, '--data', data, '--json', ...flags]);
      expect(code).toBe(0);
      expect(out.map((l) => (JSON.parse(l) as { predicted: string }).predicted)).toEqual(expected);
    }
  });

  it('skips a metadata line and takes the delimiter like train', async () => {
    const expected = new Predictor(snapshot).predictRows([[1, 2, 3]]).map((p) => p.predicted);
    await writeFile(data, '1;3;a;b\n1;2;3\n');
    const { code, out } = await run([
      '--model',
      model,
      '--data',
      data,
      '--json',
      '--skip-lines',
      '1',
      '--delimiter',
      ';',
      '--header',
      'no',
    ]);
    expect(code).toBe(0);
    expect(out.map((l) => (JSON.parse(l) as { predicted: string }).predicted)).toEqual(expected);
    expect((await run(['--model', model, '--data', data, '--skip-lines', 'x'])).code).toBe(2);
  });

  it('says how many columns a headerless file has and the model needs when they differ', async () => {
    await writeFile(data, '1,2\n4,5\n');
    const { code, err } = await run(['--model', model, '--data', data, '--header', 'no']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/no header and 2 column\(s\), but the model needs 3 feature\(s\) by position/);
  });

  it('exits 0 without a stack trace when the reader closes the pipe (built CLI, like `| head -1`)', async () => {
    await writeFile(
      data,
      ['width,sepal length,x"3', ...Array.from({ length: 20_000 }, (_, i) => `${i % 7},${i % 5},${i % 3}`)].join('\n'),
    );
    const child = spawn(process.execPath, [CLI_PATH, 'predict', '--model', model, '--data', data, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
