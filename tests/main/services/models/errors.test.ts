/** A model-file error carries a stable reason to the page (bad header, layout, checksum, version, tensors…); the message keeps the detail. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readModelFile } from '../../../../src/main/services/models/model-file';
import { decodeModel, encodeModel } from '../../../../src/main/services/models/model-codec';
import { ModelFileError } from '../../../../src/main/services/models/errors';
import { toWireError } from '../../../../src/shared/errors';
import type { ModelFileReason } from '../../../../src/shared/model-file-reasons';
import { makeSnapshot } from '../../../fixtures/models/snapshot';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-reasons-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const good = (): Uint8Array => encodeModel(makeSnapshot('float64'), 'm.safetensors');

function reasonOf(run: () => unknown): ModelFileReason {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ModelFileError)) throw e;
    const wire = toWireError(e);
    expect(wire.code).toBe('model-file');
    expect(wire.params.reason).toBe(e.reason);
    expect(wire.params.problem).toBe(e.problem);
    return e.reason;
  }
  throw new Error('expected a ModelFileError');
}

/** The bytes with the first occurrence of `from` in the header replaced by `to` (same length). */
function patchHeader(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf(from);
  if (at < 0 || from.length !== to.length) throw new Error(`cannot patch ${from}`);
  return Uint8Array.from(Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'latin1'));
}

describe('model-file reasons', () => {
  it('bad-header: a header that is not JSON', () => {
    const bytes = good();
    bytes[8] = 'x'.charCodeAt(0);
    expect(reasonOf(() => decodeModel(bytes, 'm.safetensors'))).toBe('bad-header');
  });

  it('layout-mismatch: trailing bytes after the last tensor', () => {
    const bytes = Uint8Array.from([...good(), 0, 0, 0, 0]);
    expect(reasonOf(() => decodeModel(bytes, 'm.safetensors'))).toBe('layout-mismatch');
  });

  it('checksum-mismatch: one flipped bit in a weight', () => {
    const bytes = good();
    bytes[bytes.length - 8] ^= 1;
    expect(reasonOf(() => decodeModel(bytes, 'm.safetensors'))).toBe('checksum-mismatch');
  });

  it('unsupported-version and not-a-model, from the format entry', () => {
    const bytes = good();
    expect(
      reasonOf(() => decodeModel(patchHeader(bytes, '"backprop-studio.format":"1"', '"backprop-studio.format":"9"'), 'm')),
    ).toBe('unsupported-version');
    expect(reasonOf(() => decodeModel(patchHeader(bytes, '"backprop-studio.format"', '"backprop-studio.formax"'), 'm'))).toBe(
      'not-a-model',
    );
  });

  it('tensor-mismatch: a weight of the wrong shape', () => {
    const snapshot = makeSnapshot('float64');
    const [first, ...rest] = snapshot.tensors;
    const wrong = { ...first, shape: [first.shape[0] * first.shape[1]] };
    expect(reasonOf(() => encodeModel({ ...snapshot, tensors: [wrong, ...rest] }, 'm'))).toBe('tensor-mismatch');
  });

  it('cannot-open: a missing file', async () => {
    const error = await readModelFile(join(dir, 'missing.safetensors')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).reason).toBe('cannot-open');
    expect(toWireError(error).params).toMatchObject({ file: 'missing.safetensors', reason: 'cannot-open' });
  });

  it('a damaged file read from disk keeps its reason', async () => {
    const path = join(dir, 'bad.safetensors');
    const bytes = good();
    bytes[bytes.length - 8] ^= 1;
    await writeFile(path, bytes);
    expect(((await readModelFile(path).catch((e: unknown) => e)) as ModelFileError).reason).toBe('checksum-mismatch');
  });
});
