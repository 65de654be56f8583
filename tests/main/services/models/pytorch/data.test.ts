/** data.py of the export against our importer and split: the same CSV gives the same rows in every split, normalized alike. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../../src/core';
import { importDataset } from '../../../../../src/main/services/datasets/import';
import { prepareDataset } from '../../../../../src/main/services/datasets/prepare';
import { DEFAULT_IMPORT_OPTIONS } from '../../../../../src/shared/datasets';
import { makeSnapshot } from '../../../../fixtures/models/snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython, writeTempProject } from './torch-python';

if (!TORCH_PYTHON) console.log(`skipping the data.py test: ${TORCH_MISSING}`);

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

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

describe.skipIf(TORCH_PYTHON === null)('PyTorch export: data.py', () => {
  it('reads a CSV (one-hot text feature, text labels) and makes our stratified seeded split with our normalization', async () => {
    const split = { validation: 0.15, test: 0.2, normalize: 'zscore' as const, seed: 9, stratify: true };
    const csv = csvText();
    const tmp = await writeTempProject(makeSnapshot('float32'));
    await writeFile(join(tmp, 'animals.csv'), csv);
    const prepared = prepareDataset(await importDataset({ kind: 'csv', path: join(tmp, 'animals.csv') }, DEFAULT_IMPORT_OPTIONS), split);
    const train = prepared.train;
    expect(train.featureNames).toEqual(['a', 'b', 'colour=blue', 'colour=green', 'colour=red']);
    const target = train.target;
    if (target.kind !== 'classes') throw new Error('expected classes');
    const snapshot = makeSnapshot('float32', { inputSize: 5, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] });
    Object.assign(snapshot, { featureNames: train.featureNames, classNames: target.classNames, normalization: prepared.normalization });
    dir = await writeTempProject(snapshot, { source: 'animals.csv', ...split });
    await writeFile(join(dir, 'animals.csv'), csv);
    await rm(tmp, { recursive: true, force: true });

    const theirs = JSON.parse(runPython(dir, PREPARE)) as { note: string | null; splits: Record<string, [number[][], number[]] | null> };
    expect(theirs.note).toBeNull();
    for (const [name, ours] of [['train', prepared.train], ['validation', prepared.validation], ['test', prepared.test]] as const) {
      const got = theirs.splits[name];
      if (!ours || !got) throw new Error(`split ${name} missing`);
      expect(got[0].flat(), name).toEqual(Array.from(ours.x));
      expect(got[1], name).toEqual(ours.target.kind === 'classes' ? Array.from(ours.target.y) : []);
    }
  });
});
