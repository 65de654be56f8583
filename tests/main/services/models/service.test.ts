/** Tests ModelService end to end: save → open → predict rows and CSV, upload bytes, export, unknown ids. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelService } from '../../../../src/main/services/models/service';
import { ModelFileError } from '../../../../src/main/services/models/errors';
import { makeSnapshot } from '../../../fixtures/models/snapshot';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ModelService', () => {
  it('saves, opens and predicts typed rows and a CSV with the same results', async () => {
    const service = new ModelService();
    const path = join(dir, 'iris.safetensors');
    await service.save(path, makeSnapshot('float32'));
    const model = await service.open(path);
    expect(model.name).toBe('iris.safetensors');
    expect(service.list().map((m) => m.id)).toEqual([model.id]);
    const rows = service.predictRows(model.id, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const csvPath = join(dir, 'new.csv');
    await writeFile(csvPath, 'x"3,width,sepal length,species\n3,2,1,setosa\n6,5,4,virginica\n');
    const { predictions, csv } = await service.predictCsv(model.id, csvPath);
    expect(predictions).toEqual(rows);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('row,predicted,p(setosa),p(versicolor),p(virginica)');
    expect(lines[1]).toBe(`1,${rows[0].predicted},${rows[0].probabilities.join(',')}`);
  });

  it('opens uploaded bytes and encodes a snapshot for download', () => {
    const service = new ModelService();
    const model = service.openBytes(service.encode(makeSnapshot('float64')), 'upload.safetensors');
    expect(service.get(model.id).snapshot.precision).toBe('float64');
    expect(service.exportOnnx(model.id).length).toBeGreaterThan(100);
    expect(service.exportNumpy(model.snapshot)).toContain('def forward(');
  });

  it('rejects bad uploaded bytes with a ModelFileError naming the upload', () => {
    expect(() => new ModelService().openBytes(new Uint8Array(3), 'junk.bin')).toThrow(ModelFileError);
    expect(() => new ModelService().openBytes(new Uint8Array(3), 'junk.bin')).toThrow(/^junk\.bin: /);
  });

  it('names an unknown id', () => {
    expect(() => new ModelService().predictRows('nope', [[1, 2, 3]])).toThrow('no open model with id "nope"');
  });
});
