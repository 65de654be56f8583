/** Tests the `export` command: ONNX and NumPy files written, exit code 2 for bad flags and bad models. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { runExport } from '../../src/cli/commands/export';
import { saveModelFile } from '../../src/main/services/models/model-file';
import { makeSnapshot } from '../fixtures/models/snapshot';

let dir = '';
let model = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-export-'));
  model = join(dir, 'm.safetensors');
  await saveModelFile(model, makeSnapshot('float32'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExport(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('export command', () => {
  it('exits 1 when the output cannot be written', async () => {
    const result = await run(['--model', model, '--format', 'numpy', '--out', join(dir, 'no', 'such', 'dir', 'm.py')]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^error: .*ENOENT/);
  });

  it('writes an ONNX file onnxruntime can load', async () => {
    const target = join(dir, 'm.onnx');
    const { code, out } = await run(['--model', model, '--format', 'onnx', '--out', target]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^wrote ONNX \(opset 13/);
    const session = await ort.InferenceSession.create(await readFile(target));
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['probabilities']);
  });

  it('writes the NumPy script', async () => {
    const target = join(dir, 'm.py');
    expect((await run(['--model', model, '--format', 'numpy', '--out', target])).code).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('def load_model(path):');
  });

  it('exits 2 for an unknown format, a missing flag or a bad model', async () => {
    expect(await run(['--model', model, '--format', 'tflite', '--out', 'x'])).toMatchObject({
      code: 2,
      err: ['error: export: --format must be one of onnx, numpy, pytorch, got "tflite"'],
    });
    expect((await run(['--model', model, '--format', 'onnx'])).err).toEqual(['error: export: --out <value> is required']);
    await writeFile(join(dir, 'short.safetensors'), new Uint8Array(4));
    const bad = await run(['--model', join(dir, 'short.safetensors'), '--format', 'onnx', '--out', join(dir, 'o.onnx')]);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/too short for the 8-byte header length/);
  });
});
