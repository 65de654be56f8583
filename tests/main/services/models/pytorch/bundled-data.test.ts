/** builtin:iris and builtin:digits in an exported project: their CSV ships along, and data.py makes our very split of it. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../../../../src/main/services/datasets/import';
import { prepareDataset } from '../../../../../src/main/services/datasets/prepare';
import { bundledDataFiles } from '../../../../../src/main/services/models/pytorch/bundled-data';
import { dataConfigOf } from '../../../../../src/main/services/models/pytorch/data-config';
import { exportPytorch } from '../../../../../src/main/services/models/pytorch/export';
import { writeProject } from '../../../../../src/main/services/models/pytorch/write-project';
import { DEFAULT_IMPORT_OPTIONS, type PrepareOptions } from '../../../../../src/shared/datasets';
import { makeSnapshot } from '../../../../fixtures/models/snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython } from './torch-python';

if (!TORCH_PYTHON) console.log(`skipping data.py on the bundled datasets: ${TORCH_MISSING}`);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const PREPARE = `
import json
import data
from model_file import read_model_file
_, meta = read_model_file("model.safetensors")
splits, note = data.prepare(json.load(open("config.json"))["data"], meta, ".")
print(json.dumps({"note": note, "splits": {k: None if v is None else [v[0].astype(float).tolist(), v[1].tolist()] for k, v in splits.items()}}))
`;

/** Export a model of builtin:`name` the way the app does (data settings from the dataset's origin, bundled files along). */
async function exportBuiltin(name: 'iris' | 'digits', split: PrepareOptions) {
  const source = { kind: 'builtin' as const, name };
  const prepared = prepareDataset(await importDataset(source, DEFAULT_IMPORT_OPTIONS), split);
  const target = prepared.train.target;
  if (target.kind !== 'classes') throw new Error('expected classes');
  const snapshot = makeSnapshot('float32', {
    inputSize: prepared.train.d,
    layers: [{ type: 'Affine', units: target.classNames.length }, { type: 'SoftmaxWithLoss' }],
  });
  Object.assign(snapshot, {
    featureNames: prepared.train.featureNames,
    classNames: target.classNames,
    normalization: prepared.normalization,
  });
  const data = dataConfigOf(source, DEFAULT_IMPORT_OPTIONS, split, (p) => p);
  const dir = await mkdtemp(join(tmpdir(), `pytorch-${name}-`));
  dirs.push(dir);
  await writeProject(dir, exportPytorch(snapshot, data, await bundledDataFiles(data)));
  return { dir, prepared };
}

describe('bundledDataFiles', () => {
  it('ships iris.csv for builtin:iris, digits.csv.gz for builtin:digits, nothing for a generator or a file', async () => {
    const split = { validation: 0.1, test: 0.1, normalize: 'zscore' as const, seed: 1, stratify: true };
    const names = async (source: string | null) =>
      (await bundledDataFiles({ source, ...split })).map((f) => [f.name, f.bytes.byteLength > 1000]);
    expect(await names('builtin:iris')).toEqual([['iris.csv', true]]);
    expect(await names('builtin:digits')).toEqual([['digits.csv.gz', true]]);
    expect(await names('builtin:spiral')).toEqual([]);
    expect(await names('iris.csv')).toEqual([]);
    expect(await names(null)).toEqual([]);
  });
});

describe.skipIf(TORCH_PYTHON === null)('data.py on the bundled built-in datasets', () => {
  for (const [name, split] of [
    ['iris', { validation: 0.2, test: 0.2, normalize: 'zscore', seed: 5, stratify: true }],
    ['digits', { validation: 0.1, test: 0.2, normalize: 'minmax', seed: 8, stratify: true }],
  ] as const) {
    it(`builtin:${name}: the project holds its data and data.py gives our rows in every split, normalized alike`, async () => {
      const { dir, prepared } = await exportBuiltin(name, split);
      expect(await readdir(dir)).toContain(name === 'iris' ? 'iris.csv' : 'digits.csv.gz');
      const theirs = JSON.parse(runPython(dir, PREPARE)) as {
        note: string | null;
        splits: Record<string, [number[][], number[]] | null>;
      };
      expect(theirs.note).toBeNull();
      for (const [part, ours] of [
        ['train', prepared.train],
        ['validation', prepared.validation],
        ['test', prepared.test],
      ] as const) {
        const got = theirs.splits[part];
        if (!ours || !got) throw new Error(`split ${part} missing`);
        expect(got[0].length, part).toBe(ours.n);
        expect(got[0].flat(), part).toEqual(Array.from(ours.x));
        expect(got[1], part).toEqual(ours.target.kind === 'classes' ? Array.from(ours.target.y) : []);
      }
    }, 60_000);
  }
});
