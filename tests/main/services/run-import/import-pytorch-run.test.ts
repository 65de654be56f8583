/**
 * End to end: an exported project's train.py runs (Debian's python3 with torch) for two epochs on builtin:spiral, and
 * its output folder imports back as a run whose curves lie on the app's own run of the same settings; the CLI's
 * import-run reads the same folder and exits 2 naming the bad cell of a damaged file.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../../src/core';
import { importPytorchRun, locateRunFiles } from '../../../../src/main/services/run-import/import-pytorch-run';
import { RunImportError } from '../../../../src/main/services/run-import/run-import-error';
import type { UnnumberedRun } from '../../../../src/shared/runs';
import { spiralSnapshot, spiralSplits } from '../../../fixtures/models/spiral-snapshot';
import { TORCH_MISSING, TORCH_PYTHON, runPython, writeTempProject } from '../models/pytorch/torch-python';
import { runCli } from '../../../cli/cli-process';
import { NO_BUILD } from '../../engine/fixtures';

if (!TORCH_PYTHON) console.log(`skipping the PyTorch run import test: ${TORCH_MISSING}`);

const RUN_TRAIN = `
import runpy, sys
sys.argv = ["train.py", "--out", "trained", "--epochs", "2"]
runpy.run_path("train.py", run_name="__main__")
`;

describe.skipIf(TORCH_PYTHON === null)('importing a run trained by the exported train.py', () => {
  let dir = '';
  let run: UnnumberedRun;
  const splits = spiralSplits(150, 42);
  const snapshot = spiralSnapshot(splits, {
    optimizer: 'momentum',
    learningRate: 0.1,
    batchSize: 16,
    epochs: 2,
    precision: 'float64',
    seed: 42,
  });

  beforeAll(async () => {
    dir = await writeTempProject(snapshot, {
      source: 'builtin:spiral',
      samples: 150,
      generatorSeed: 42,
      validation: 0.1,
      test: 0.1,
      seed: 42,
      stratify: true,
    });
    runPython(dir, RUN_TRAIN); // 120 training rows in batches of 16: 8 iterations per epoch
    run = await importPytorchRun(await locateRunFiles(join(dir, 'trained')));
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a finished run with the model, settings and every iteration and epoch of train.py', () => {
    const { summary, curves } = run;
    expect([summary.name, summary.status, summary.finishReason, summary.iteration, summary.epoch]).toEqual([
      'PyTorch · trained',
      'done',
      'completed',
      16,
      1,
    ]);
    expect(summary.architecture).toEqual(snapshot.architecture);
    expect([summary.config.optimizer, summary.config.epochs, summary.config.learningRate]).toEqual(['momentum', 2, 0.1]);
    expect(curves.loss.map(([i]) => i)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(curves.epochs.map((e) => e.epoch)).toEqual([0, 1]);
    expect(curves.epochs.every((e) => e.validation !== null)).toBe(true);
    expect(run.snapshot?.normalization).toEqual(snapshot.normalization);
  });

  it("takes its duration and samples/s from train.py's clock: 2 epochs of 120 rows in the time of its steps", async () => {
    const last = (await readFile(join(dir, 'trained', 'epochs.csv'), 'utf8')).trim().split('\n').at(-1) ?? '';
    expect(last.split(',').at(-1)).toBe('240');
    const { durationMs, samplesPerSecond } = run.summary;
    expect(durationMs).toBeGreaterThan(0);
    // rows / seconds, with the duration rounded to whole milliseconds
    expect(Math.abs((samplesPerSecond * durationMs) / 1000 - 240)).toBeLessThanOrEqual(samplesPerSecond * 0.0005 + 1e-9);
  });

  it("overlays the app's own run: the same loss at every iteration (float64, within 1e-9)", () => {
    const network = createNetwork(snapshot.architecture, { precision: 'float64', seed: 42 });
    const trainer = new Trainer(network, splits.train, snapshot.trainingConfig);
    const ours: number[] = [];
    while (!trainer.done) ours.push(trainer.trainBatch().loss);
    const theirs = run.curves.loss.map(([, loss]) => loss);
    expect(theirs).toHaveLength(ours.length);
    theirs.forEach((loss, i) => expect(Math.abs(loss - ours[i]), `iteration ${i + 1}`).toBeLessThan(1e-9));
    expect(run.curves.epochs[1].train.loss).toBeCloseTo(trainer.evaluate(splits.train).loss, 9);
  });

  it('refuses a damaged epochs.csv naming the file, row, column and value, and a missing losses.csv', async () => {
    const bad = join(dir, 'damaged');
    await cp(join(dir, 'trained'), bad, { recursive: true });
    const epochs = (await readFile(join(bad, 'epochs.csv'), 'utf8')).split('\n');
    epochs[2] = epochs[2].replace(/^2,16,/, '2,16,oops');
    await writeFile(join(bad, 'epochs.csv'), epochs.join('\n'));
    const error = await importPytorchRun(await locateRunFiles(join(bad, 'model.safetensors'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunImportError);
    expect((error as RunImportError).params).toMatchObject({ file: 'epochs.csv', row: 3, column: 'train_loss' });
    expect((error as RunImportError).message).toMatch(/^epochs\.csv, row 3, column train_loss: "oops[\d.e-]+" is not a number/);
    await rm(join(bad, 'losses.csv'));
    await expect(importPytorchRun(await locateRunFiles(bad))).rejects.toThrow(/^losses\.csv: expected the file losses\.csv/);
  });

  it.skipIf(NO_BUILD !== null)('the CLI prints the run as JSON, and exits 2 with the message for a bad file', async () => {
    const good = await runCli(['import-run', join(dir, 'trained'), '--json']);
    expect(good.code).toBe(0);
    const [line] = good.json();
    expect(line).toMatchObject({ event: 'run', summary: { name: 'PyTorch · trained', iteration: 16 } });
    const bad = await runCli(['import-run', join(dir, 'damaged')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: losses\.csv: expected the file losses\.csv/);
  });
});
