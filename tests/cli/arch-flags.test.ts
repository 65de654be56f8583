import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectureFromFlags } from '../../src/cli/arch-flags';
import { makeSpiral } from '../../src/core/datasets/builtin/index';
import type { Dataset } from '../../src/core/datasets/dataset';

const spiral = makeSpiral({ samplesPerClass: 5, classes: 3, seed: 1 });
const regression: Dataset = { ...spiral, target: { kind: 'regression', names: ['y'], y: new Float32Array(spiral.n) } };

describe('architectureFromFlags', () => {
  it('builds an MLP whose input and output fit the data (softmax over the classes)', async () => {
    const spec = await architectureFromFlags({ hidden: '8,4', activation: 'tanh', init: 'xavier' }, spiral);
    expect(spec).toEqual({
      inputSize: 2,
      layers: [
        { type: 'Affine', units: 8, init: { kind: 'xavier' } },
        { type: 'Tanh' },
        { type: 'Affine', units: 4, init: { kind: 'xavier' } },
        { type: 'Tanh' },
        { type: 'Affine', units: 3, init: { kind: 'xavier' } },
        { type: 'SoftmaxWithLoss' },
      ],
    });
  });

  it('ends a regression network with IdentityWithLoss over the targets, and defaults to one hidden Relu layer of 50', async () => {
    const spec = await architectureFromFlags({ init: 'std:0.01' }, regression);
    expect(spec.layers.map((l) => l.type)).toEqual(['Affine', 'Relu', 'Affine', 'IdentityWithLoss']);
    expect(spec.layers[0]).toEqual({ type: 'Affine', units: 50, init: { kind: 'std', std: 0.01 } });
    expect(spec.layers[2]).toMatchObject({ units: 1 });
  });

  it('reads and validates a spec file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arch-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ inputSize: 2, layers: [{ type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }] }));
    expect((await architectureFromFlags({ arch: good }, spiral)).layers).toHaveLength(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ inputSize: 2, layers: [{ type: 'Affine', units: 0 }, { type: 'SoftmaxWithLoss' }] }));
    await expect(architectureFromFlags({ arch: bad }, spiral)).rejects.toThrow(/bad\.json: layers\.0\.units \(layer 1\): /);
    await expect(architectureFromFlags({ arch: join(dir, 'missing.json') }, spiral)).rejects.toThrow(
      /cannot read a JSON architecture/,
    );
    await expect(architectureFromFlags({ arch: good, hidden: '3' }, spiral)).rejects.toThrow(
      /--arch and --hidden exclude each other/,
    );
  });

  it('rejects bad hidden sizes, activations and inits', async () => {
    await expect(architectureFromFlags({ hidden: '8,,4' }, spiral)).rejects.toThrow(/--hidden: expected a comma-separated list/);
    await expect(architectureFromFlags({ hidden: '5000' }, spiral)).rejects.toThrow(
      /--hidden: expected an integer ≥ 1 and ≤ 4096/,
    );
    await expect(architectureFromFlags({ activation: 'gelu' }, spiral)).rejects.toThrow(
      /--activation: expected one of relu \| sigmoid \| tanh/,
    );
    await expect(architectureFromFlags({ init: 'std:-1' }, spiral)).rejects.toThrow(/--init: expected a number > 0/);
    await expect(architectureFromFlags({ init: 'glorot' }, spiral)).rejects.toThrow(/--init: expected he \| xavier \| std:/);
  });
});
