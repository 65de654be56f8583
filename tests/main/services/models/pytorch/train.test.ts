/** train.py of the export, single process on the CPU, against our Trainer: the same seeded run gives the same weights. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../../../src/core';
import type { TrainingConfig } from '../../../../../src/core';
import { readModelFile } from '../../../../../src/main/services/models/model-file';
import { spiralSnapshot, spiralSplits } from '../../../../fixtures/models/spiral-snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython, writeTempProject } from './torch-python';

if (!TORCH_PYTHON) console.log(`skipping the PyTorch training test: ${TORCH_MISSING}`);

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const RUN_TRAIN = `
import runpy, sys
sys.argv = ["train.py", "--out", "trained"]
runpy.run_path("train.py", run_name="__main__")
`;

describe.skipIf(TORCH_PYTHON === null)('PyTorch export: train.py (one process, CPU, float64)', () => {
  it('reproduces our seeded run: init, split, batch order, Dropout masks, BatchNorm, step schedule, weight decay and Adam', async () => {
    const config: Partial<TrainingConfig> & { precision: 'float64' } = {
      optimizer: 'adam',
      learningRate: 0.02,
      batchSize: 16,
      epochs: 3,
      precision: 'float64',
      seed: 42,
      weightDecay: 0.001,
      schedule: { kind: 'step', stepSize: 10, gamma: 0.5 },
    };
    const splits = spiralSplits(150, 42);
    const snapshot = spiralSnapshot(splits, config);
    dir = await writeTempProject(snapshot, {
      source: 'builtin:spiral',
      samples: 150,
      generatorSeed: 42,
      validation: 0.1,
      test: 0.1,
      seed: 42,
      stratify: true,
    });

    const network = createNetwork(snapshot.architecture, { precision: 'float64', seed: 42 });
    const trainer = new Trainer(network, splits.train, snapshot.trainingConfig);
    while (!trainer.done) trainer.trainBatch();

    const log = runPython(dir, RUN_TRAIN); // 120 training rows in batches of 16: 8 iterations per epoch
    expect(log).not.toContain('warning');
    expect(log).toMatch(/completed after 24 iterations/);
    const theirs = await readModelFile(join(dir, 'trained', 'model.safetensors'));
    const ours = new Map(network.exportState().map((t) => [t.name, t.data]));
    for (const t of theirs.tensors) {
      const mine = ours.get(t.name) ?? new Float64Array(0);
      expect(mine.length, t.name).toBe(t.data.length);
      let max = 0;
      for (let i = 0; i < mine.length; i++) max = Math.max(max, Math.abs(mine[i] - t.data[i]));
      expect(max, t.name).toBeLessThan(1e-9);
    }
    expect(theirs.metrics.train?.loss).toBeCloseTo(trainer.evaluate(splits.train).loss, 9);
  });
});
