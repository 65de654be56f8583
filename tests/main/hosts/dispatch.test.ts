import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API } from '../../../src/shared/api';
import { MAX_IPC_UPLOAD_BYTES } from '../../../src/shared/api/app';
import { METHOD_NAMES, type MethodName } from '../../../src/shared/names';
import { AppError, toWireError } from '../../../src/shared/errors';
import { dispatch, type Handlers } from '../../../src/main/hosts/dispatch';
import { QUICK_CONFIG, SPIRAL_MLP } from '../engine/fixtures';

/** Handlers that only record that they were reached: the schemas in front of them are under test. */
function recordingHandlers(): { handlers: Handlers; reached: MethodName[] } {
  const reached: MethodName[] = [];
  const entries = METHOD_NAMES.map((name) => [name, () => void reached.push(name)] as const);
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, reached };
}

/** The keys of a method's argument object, and those that must be present. */
function keysOf(method: MethodName): { all: string[]; required: string[] } {
  const schema = API[method].args as z.ZodType;
  if (!(schema instanceof z.ZodObject)) throw new Error(`${method}: expected an object schema`);
  const shape = schema.shape as Record<string, z.ZodType>;
  const all = Object.keys(shape);
  return { all, required: all.filter((k) => !shape[k].safeParse(undefined).success) };
}

/** Dispatch and return the wire error (failing the test if the call got through). */
async function rejection(method: unknown, args: unknown): Promise<{ message: string; code: string }> {
  const { handlers, reached } = recordingHandlers();
  const error = await dispatch(handlers, method, args).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${String(method)} accepted ${show(args)}`).toBeInstanceOf(AppError);
  expect(reached).toEqual([]);
  return toWireError(error);
}

/** A short description of the arguments for a failure message (never serialises a 10 MB payload). */
const show = (args: unknown): string => {
  if (typeof args === 'bigint') return `${args}n`;
  if (typeof args !== 'object' || args === null) return String(args).slice(0, 40);
  if (Array.isArray(args)) return `array(${args.length})`;
  if (ArrayBuffer.isView(args)) return `${args.constructor.name}(${args.byteLength} bytes)`;
  return `{ ${Object.entries(args)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join(', ')} }`;
};

const CLEAR = (method: string) => new RegExp(`^${method.replace('.', '\\.')}: invalid [\\w.]+: \\S`);
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const MILLION = new Array<number>(1_000_000).fill(0);
const validRunStart = {
  datasetId: 'spiral',
  architecture: SPIRAL_MLP,
  config: QUICK_CONFIG,
  split: { validation: 0.2, test: 0.1, normalize: 'none', seed: 1, stratify: false },
};

describe('dispatch: the one gate of both hosts', () => {
  it('reaches the handler for a valid call (so the rejections below are the schemas, not the fake)', async () => {
    const { handlers, reached } = recordingHandlers();
    await dispatch(handlers, 'app.info', {});
    await dispatch(handlers, 'runs.start', validRunStart);
    expect(reached).toEqual(['app.info', 'runs.start']);
  });

  it.each([42, null, undefined, {}, ['app.info'], 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'app.info '])(
    'refuses the unknown method %j with code unknown-method',
    async (method) => {
      const error = await rejection(method, {});
      expect(error.code).toBe('unknown-method');
      expect(error.message).toMatch(/^unknown method /);
    },
  );
});

describe.each(METHOD_NAMES)('every method is guarded by its schema: %s', (method) => {
  const { all, required } = keysOf(method);

  it.each([42, 'text', true, [], [{}], 10n])('rejects arguments of the wrong type %s', async (args) => {
    const error = await rejection(method, args);
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toMatch(CLEAR(method));
  });

  it('rejects an unknown extra field (strict objects), including an own __proto__ key', async () => {
    expect((await rejection(method, { unexpected: 1 })).message).toMatch(/unexpected|unrecognized|invalid/i);
    await rejection(method, JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.skipIf(required.length === 0)('rejects missing required fields, naming the missing one', async () => {
    const error = await rejection(method, {});
    expect(error.code).toBe('invalid-arguments');
    expect(required.some((k) => error.message.startsWith(`${method}: invalid ${k}`))).toBe(true);
  });

  it.skipIf(all.length === 0)('rejects a wrong type, a 10 MB string and a million-element array in each field', async () => {
    for (const key of all) {
      for (const bad of [10n, { nested: { deeper: true } }, TEN_MB, MILLION]) {
        const error = await rejection(method, { [key]: bad });
        expect(error.message).toMatch(CLEAR(method));
        expect(error.message.length).toBeLessThan(500);
      }
    }
  });
});

describe('oversized payloads inside otherwise valid calls', () => {
  it.each([
    ['a 201-character run name', { ...validRunStart, name: 'n'.repeat(201) }, /invalid name/],
    [
      '33 layers',
      { ...validRunStart, architecture: { inputSize: 2, layers: Array.from({ length: 33 }, () => ({ type: 'Relu' })) } },
      /invalid architecture\.layers/,
    ],
    [
      '4097 units',
      {
        ...validRunStart,
        architecture: { inputSize: 2, layers: [{ type: 'Affine', units: 4097 }, { type: 'SoftmaxWithLoss' }] },
      },
      /invalid architecture\.layers\.0\.units/,
    ],
    [
      '1001 initial tensors',
      {
        ...validRunStart,
        initialState: Array.from({ length: 1001 }, () => ({ name: 'w', shape: [1], data: new Float32Array(1) })),
      },
      /invalid initialState/,
    ],
    [
      'a tensor whose data does not match its shape',
      { ...validRunStart, initialState: [{ name: 'w', shape: [1000, 1000], data: new Float32Array(1) }] },
      /data length must equal/,
    ],
    [
      'an infinite learning rate',
      { ...validRunStart, config: { ...QUICK_CONFIG, learningRate: Infinity } },
      /invalid config\.learningRate/,
    ],
    ['a NaN batch size', { ...validRunStart, config: { ...QUICK_CONFIG, batchSize: Number.NaN } }, /invalid config\.batchSize/],
  ])('runs.start rejects %s', async (_what, args, message) => {
    const error = await rejection('runs.start', args);
    expect(error.message).toMatch(message);
  });

  it('files.upload rejects bytes over MAX_IPC_UPLOAD_BYTES and a 256-character name', async () => {
    const huge = new Uint8Array(MAX_IPC_UPLOAD_BYTES + 1); // zero pages: not resident
    expect((await rejection('files.upload', { name: 'a.csv', bytes: huge })).message).toMatch(/file too large for IPC/);
    expect((await rejection('files.upload', { name: 'n'.repeat(256), bytes: new Uint8Array(1) })).message).toMatch(
      /invalid name/,
    );
    expect((await rejection('files.upload', { name: 'a.csv', bytes: [1, 2, 3] })).message).toMatch(/invalid bytes/);
  });

  it('ids longer than 64 characters are refused everywhere an id is taken', async () => {
    for (const method of METHOD_NAMES.filter((m) => keysOf(m).all.includes('id'))) {
      expect((await rejection(method, { id: 'r'.repeat(65), unit: 'batch', learningRate: 1 })).message).toMatch(CLEAR(method));
    }
  });
});

describe('the method table and the zod-free names', () => {
  it('declare the same methods, in the same order', () => {
    expect(Object.keys(API)).toEqual([...METHOD_NAMES]);
  });
});
