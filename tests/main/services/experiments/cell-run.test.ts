/** cellRun: a trained experiment cell becomes a finished run whose curves, metrics and model are the cell's own. */
import { describe, expect, it } from 'vitest';
import { createNetwork, DEFAULT_TRAINING_CONFIG, type ArchitectureSpec } from '../../../../src/core';
import { matrix } from '../../../../src/core/matrix';
import type { TrainedNetwork } from '../../../../src/core/experiments/experiment';
import { overfitting } from '../../../../src/core/experiments/overfitting';
import { resolveParams } from '../../../../src/core/experiments/params';
import { cellRun } from '../../../../src/main/services/experiments/cell-run';
import type { TimedNetwork } from '../../../../src/shared/workers/engine';
import { decodeModel, encodeModel } from '../../../../src/main/services/models/model-codec';
import { loadDigits } from '../../../core/experiments/digits';

describe('cellRun', () => {
  it("keeps an overfitting cell's loss per iteration, train/test accuracy per epoch and its weights as a run", async () => {
    const data = await loadDigits();
    const params = resolveParams('overfitting', overfitting.params, { samples: 120, hidden: 2, units: 16, epochs: 6 });
    const trained: TrainedNetwork[] = [];
    const result = overfitting.runCell(1, { params, seed: 5, data, hooks: { onTrained: (n) => trained.push(n) } });
    expect(trained).toHaveLength(1);
    // 120 rows, 6 epochs: 720 rows trained on (in batches of 100 and 20).
    expect(trained[0].samples).toBe(720);
    const run = cellRun({
      experiment: 'overfitting',
      label: result.label,
      trained: { ...trained[0], trainingMs: 1500 },
      data,
      datasetId: '',
      createdAt: '2026-12-02T00:00:00.000Z',
    });
    const { summary, curves, snapshot } = run;
    expect(summary.name).toBe('overfitting · weight decay λ = 0.1');
    expect([summary.status, summary.finishReason, summary.config.weightDecay]).toEqual(['done', 'completed', 0.1]);
    // 120 rows in batches of 100: 2 iterations per epoch, 6 epochs.
    expect([summary.iteration, summary.totalIterations, summary.epoch]).toEqual([12, 12, 5]);
    // The time the cell job measured, and the rows trained per second of it.
    expect([summary.durationMs, summary.samplesPerSecond]).toEqual([1500, 480]);
    expect(curves.loss.map(([iteration]) => iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(curves.loss.map(([, loss]) => loss)).toEqual(trained[0].losses);
    // The test set is the held-out curve (the overfitting gap), the cell's figures are the run's last epoch.
    expect(curves.epochs.map((e) => e.train.accuracy)).toEqual(result.series.find((s) => s.name === 'train accuracy')?.y);
    expect(curves.epochs.map((e) => e.validation?.accuracy)).toEqual(result.series.find((s) => s.name === 'test accuracy')?.y);
    expect(summary.train?.accuracy).toBe(result.figures.trainAccuracy);
    expect(summary.test?.accuracy).toBe(result.figures.testAccuracy);
    expect(summary.bestValidationAccuracy).toBe(Math.max(...curves.epochs.map((e) => e.validation?.accuracy ?? 0)));

    // The model file round-trips, and its network scores the test rows as the cell did.
    if (!snapshot) throw new Error('expected a model');
    const model = decodeModel(encodeModel(snapshot), 'cell.safetensors');
    expect(model.normalization).toEqual(data.normalization);
    expect(model.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const net = createNetwork(model.architecture, { precision: model.precision, seed: 0 });
    net.importState(model.tensors);
    const { x, n, d, target } = data.test;
    const scores = net.predict(matrix(n, d, Float32Array.from(x)));
    const classes = scores.cols;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(scores.data.subarray(i * classes, (i + 1) * classes));
      if (target.kind === 'classes' && row.indexOf(Math.max(...row)) === target.y[i]) correct += 1;
    }
    expect(correct / n).toBeCloseTo(result.figures.testAccuracy, 10);
  });

  it('keeps a cell that evaluated no set per epoch (optimizer comparison) as a loss curve without epochs', async () => {
    const spec: ArchitectureSpec = { inputSize: 64, layers: [{ type: 'Affine', units: 10 }, { type: 'SoftmaxWithLoss' }] };
    const trained: TimedNetwork = {
      spec,
      config: { ...DEFAULT_TRAINING_CONFIG, epochs: 3 },
      state: createNetwork(spec, { precision: 'float32', seed: 1 }).exportState(),
      losses: Array.from({ length: 30 }, (_, i) => 1 / (i + 1)),
      metrics: {},
      rows: {},
      samples: 3000,
      trainingMs: 0,
    };
    const data = await loadDigits();
    const run = cellRun({ experiment: 'optimizer-comparison', label: 'Adam', trained, data, datasetId: 'ds-1', createdAt: '' });
    expect(run.curves.epochs).toEqual([]);
    expect(run.summary.train?.loss).toBeCloseTo(trained.losses.slice(-10).reduce((a, b) => a + b) / 10, 12);
    expect([run.summary.validation, run.summary.bestValidationAccuracy, run.summary.datasetId]).toEqual([null, null, 'ds-1']);
    // No time measured (a clock that did not advance): a rate of 0, not a division by zero.
    expect([run.summary.durationMs, run.summary.samplesPerSecond]).toEqual([0, 0]);
  });
});
