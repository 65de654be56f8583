/** data.py of the export against our importer and split: the same CSV gives the same rows in every split, normalized alike. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../../src/core';
import { BUILTIN_GENERATORS, type BuiltinName } from '../../../../../src/core/datasets/builtin/index';
import { importDataset } from '../../../../../src/main/services/datasets/import';
import { prepareDataset } from '../../../../../src/main/services/datasets/prepare';
import { DEFAULT_IMPORT_OPTIONS, type PreparedData } from '../../../../../src/shared/datasets';
import type { ArchitectureSpec } from '../../../../../src/core/spec';
import type { ModelSnapshot } from '../../../../../src/shared/model';
import { makeSnapshot } from '../../../../fixtures/models/snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython, writeTempProject } from './torch-python';

if (!TORCH_PYTHON) console.log(`skipping the data.py test: ${TORCH_MISSING}`);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** An idx file: magic (0, 0, type 0x08 = unsigned byte, number of dims), big-endian dims, then the bytes. */
function idxFile(dims: number[], bytes: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint8(2, 0x08);
  header.setUint8(3, dims.length);
  dims.forEach((d, i) => header.setUint32(4 + 4 * i, d, false));
  return Buffer.concat([new Uint8Array(header.buffer), bytes]);
}

/** 97 rows: numeric a, text colour (one-hot), numeric b, a text label of 3 unbalanced classes; quoted cells included. */
function csvText(): string {
  const rng = createRng(3);
  const lines = ['a,colour,b,"animal"'];
  for (let i = 0; i < 97; i++) {
    const colour = ['red', 'green', 'blue'][rng.int(3)];
    const animal = ['cat', 'dog', 'bird', 'cat'][rng.int(4)];
    lines.push(`${(rng.normal() * 3).toFixed(4)},${colour},"${(rng.normal() + 10).toFixed(3)}",${animal}`);
  }
  return `${lines.join('\n')}\n`;
}

const PREPARE = `
import json, sys
import data
from model_file import read_model_file
_, meta = read_model_file("model.safetensors")
splits, note = data.prepare(json.load(open("config.json"))["data"], meta, ".")
print(json.dumps({"note": note, "splits": {k: None if v is None else [v[0].astype(float).tolist(), v[1].tolist()] for k, v in splits.items()}}))
`;

/** A float32 snapshot of `architecture` carrying the prepared data's feature names, class names and normalization. */
function snapshotOf(prepared: PreparedData, architecture: ArchitectureSpec): ModelSnapshot {
  const target = prepared.train.target;
  if (target.kind !== 'classes') throw new Error('expected classes');
  return Object.assign(makeSnapshot('float32', architecture), {
    featureNames: prepared.train.featureNames,
    classNames: target.classNames,
    normalization: prepared.normalization,
  });
}

/** data.py's splits of the project in `dir`, expected to equal ours row for row (features and classes). */
function expectSameSplits(dir: string, prepared: PreparedData): void {
  const theirs = JSON.parse(runPython(dir, PREPARE)) as {
    note: string | null;
    splits: Record<string, [number[][], number[]] | null>;
  };
  expect(theirs.note).toBeNull();
  for (const [name, ours] of [
    ['train', prepared.train],
    ['validation', prepared.validation],
    ['test', prepared.test],
  ] as const) {
    const got = theirs.splits[name];
    if (!ours || !got) throw new Error(`split ${name} missing`);
    expect(got[0].flat(), name).toEqual(Array.from(ours.x));
    expect(got[1], name).toEqual(ours.target.kind === 'classes' ? Array.from(ours.target.y) : []);
  }
}

describe.skipIf(TORCH_PYTHON === null)('PyTorch export: data.py', () => {
  it('reads a CSV (one-hot text feature, text labels) and makes our stratified seeded split with our normalization', async () => {
    const split = { validation: 0.15, test: 0.2, normalize: 'zscore' as const, seed: 9, stratify: true };
    const csv = csvText();
    const tmp = await writeTempProject(makeSnapshot('float32'));
    await writeFile(join(tmp, 'animals.csv'), csv);
    const prepared = prepareDataset(
      await importDataset({ kind: 'csv', path: join(tmp, 'animals.csv') }, DEFAULT_IMPORT_OPTIONS),
      split,
    );
    expect(prepared.train.featureNames).toEqual(['a', 'b', 'colour=blue', 'colour=green', 'colour=red']);
    const snapshot = snapshotOf(prepared, { inputSize: 5, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] });
    const dir = await writeTempProject(snapshot, { source: 'animals.csv', ...split });
    dirs.push(dir);
    await writeFile(join(dir, 'animals.csv'), csv);
    await rm(tmp, { recursive: true, force: true });
    expectSameSplits(dir, prepared);
  });

  it('reads an idx images/labels pair (pixels / 255) and makes our split of it', async () => {
    const rng = createRng(4);
    const n = 60;
    const tmp = await writeTempProject(makeSnapshot('float32'));
    dirs.push(tmp);
    const images = join(tmp, 'images.idx3-ubyte');
    const labels = join(tmp, 'labels.idx1-ubyte');
    await writeFile(
      images,
      idxFile(
        [n, 4, 4],
        Uint8Array.from({ length: n * 16 }, () => rng.int(256)),
      ),
    );
    await writeFile(
      labels,
      idxFile(
        [n],
        Uint8Array.from({ length: n }, (_, i) => (i * 7) % 10),
      ),
    );
    const split = { validation: 0.2, test: 0.1, normalize: 'none' as const, seed: 3, stratify: true };
    const prepared = prepareDataset(
      await importDataset({ kind: 'idx', imagesPath: images, labelsPath: labels }, DEFAULT_IMPORT_OPTIONS),
      split,
    );
    const snapshot = snapshotOf(prepared, {
      inputSize: 16,
      layers: [{ type: 'Affine', units: 10 }, { type: 'SoftmaxWithLoss' }],
    });
    const dir = await writeTempProject(snapshot, { source: `${images},${labels}`, ...split });
    dirs.push(dir);
    expectSameSplits(dir, prepared);
  });

  it('generates builtin:spiral, circles, xor and gauss exactly as our generators (float32 points, classes)', async () => {
    const dir = await writeTempProject(makeSnapshot('float32'));
    dirs.push(dir);
    const cases: [BuiltinName, number, number | undefined, number][] = [
      ['spiral', 150, undefined, 42],
      ['circles', 101, 0.1, 7],
      ['xor', 64, 0.05, 3],
      ['gauss', 80, undefined, 11],
    ];
    const code = `
import json, sys, numpy as np
import data
out = [[np.array(x, dtype=np.float32).astype(float).flatten().tolist(), y] for x, y in
       (data.GENERATORS[name](samples, noise, seed) for name, samples, noise, seed in json.loads(sys.argv[1]))]
print(json.dumps(out))
`;
    const theirs = JSON.parse(runPython(dir, code, [JSON.stringify(cases)])) as [number[], number[]][];
    cases.forEach(([name, samples, noise, seed], i) => {
      const ours = BUILTIN_GENERATORS[name]({ samples, noise, seed });
      expect(theirs[i][0], name).toEqual(Array.from(ours.x));
      expect(theirs[i][1], name).toEqual(ours.target.kind === 'classes' ? Array.from(ours.target.y) : []);
    });
  });
});
