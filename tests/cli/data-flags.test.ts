import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData, parseDataFlags } from '../../src/cli/data-flags';
import { UsageError } from '../../src/cli/usage-error';

const ROOT = join(import.meta.dirname, '../..');
const IRIS = join(ROOT, 'resources/datasets/iris.csv');

describe('parseDataFlags', () => {
  it('reads --max-rows and --memory-budget (with units), and refuses sizes out of range', () => {
    const flags = parseDataFlags({ data: IRIS, 'max-rows': '5000', 'memory-budget': '512MiB' });
    expect(flags.import).toMatchObject({ maxRows: 5000, memoryBudgetBytes: 512 * 1024 ** 2 });
    expect(parseDataFlags({ data: IRIS, 'memory-budget': '2GiB' }).import.memoryBudgetBytes).toBe(2 * 1024 ** 3);
    expect(() => parseDataFlags({ data: IRIS, 'memory-budget': '1TiB' })).toThrow(
      /--memory-budget: expected a size from 1 B to 64 GiB/,
    );
    expect(() => parseDataFlags({ data: IRIS, 'memory-budget': `${2 ** 40}` })).toThrow(UsageError);
    expect(() => parseDataFlags({ data: IRIS, 'max-rows': '0' })).toThrow(/--max-rows: expected an integer ≥ 1/);
  });

  it('reads a CSV source with column roles, delimiter, header and skip-lines', () => {
    const flags = parseDataFlags({
      data: IRIS,
      label: 'species',
      features: '0,petal_width',
      delimiter: 'tab',
      header: 'no',
      'skip-lines': '2',
      'drop-invalid': true,
      quote: "'",
    });
    expect(flags.source).toEqual({ kind: 'csv', path: IRIS });
    expect(flags.import).toMatchObject({
      labelColumn: 'species',
      featureColumns: [0, 'petal_width'],
      delimiter: '\t',
      header: 'no',
      skipLines: 2,
      dropInvalid: true,
      quote: "'",
    });
  });

  it('defaults: validation 0.1, test 0.1, z-score, seed 42, stratified', () => {
    expect(parseDataFlags({ data: IRIS }).prepare).toEqual({
      validation: 0.1,
      test: 0.1,
      normalize: 'zscore',
      seed: 42,
      stratify: true,
    });
  });

  it('reads built-ins with samples, noise and the seed', () => {
    expect(parseDataFlags({ data: 'builtin:spiral', samples: '300', noise: '0.2', seed: '7' }).source).toEqual({
      kind: 'builtin',
      name: 'spiral',
      samples: 300,
      noise: 0.2,
      seed: 7,
    });
  });

  it('reads an idx folder and an images,labels pair, and does not normalize images by default', () => {
    expect(parseDataFlags({ data: ROOT }).source).toEqual({ kind: 'idx-folder', path: ROOT });
    const pair = parseDataFlags({ data: 'a/train-images-idx3-ubyte.gz' });
    expect(pair.source).toEqual({
      kind: 'idx',
      imagesPath: 'a/train-images-idx3-ubyte.gz',
      labelsPath: 'a/train-labels-idx1-ubyte.gz',
    });
    expect(pair.prepare.normalize).toBe('none');
  });

  it.each([
    [{}, /^--data is required/],
    [{ data: 'builtin:moons' }, '--data: unknown built-in "moons"; expected builtin:spiral|circles|xor|gauss|iris|digits'],
    [{ data: '/no/such.csv' }, '--data: /no/such.csv does not exist'],
    [{ data: IRIS, delimiter: '|' }, '--delimiter: expected one of , | ; | tab | \t, got "|"'],
    [{ data: IRIS, quote: '`' }, `--quote: expected one of " | ' | none, got "\`"`],
    [{ data: IRIS, header: 'maybe' }, '--header: expected one of auto | yes | no, got "maybe"'],
    [{ data: IRIS, 'skip-lines': '-1' }, /^--skip-lines: expected an integer/],
    [{ data: IRIS, val: '0.6', test: '0.5' }, '--val 0.6 + --test 0.5 must be below 1 so that rows remain for training'],
    [{ data: IRIS, samples: '10' }, '--samples and --noise apply to built-in datasets only (--data builtin:NAME)'],
    [{ data: IRIS, features: 'a,,b' }, '--features: expected a comma list of column names or indices, got "a,,b"'],
  ] as [Record<string, string>, string | RegExp][])('rejects %j with a one-line UsageError', (argv, message) => {
    let error: unknown = null;
    try {
      parseDataFlags(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message,
    );
  });
});

describe('loadData', () => {
  it('imports and prepares the data the flags describe', async () => {
    const data = await loadData(parseDataFlags({ data: IRIS, val: '0.2', test: '0.2', normalize: 'minmax' }), { inThread: true });
    expect([data.train.n, data.validation?.n, data.test?.n]).toEqual([90, 30, 30]);
    expect(data.normalization.kind).toBe('minmax');
  });
});
