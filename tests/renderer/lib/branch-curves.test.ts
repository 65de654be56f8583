import { describe, expect, it } from 'vitest';
import { continuedEpochs, continuedLoss } from '../../../src/renderer/src/lib/branch-curves';
import type { EpochMetrics, LossPoint } from '../../../src/shared/runs';

const epoch = (e: number, loss: number): EpochMetrics => ({ epoch: e, train: { loss, accuracy: null }, validation: null });
const parent = { runId: 'run-1', epoch: 2, iteration: 20 };

describe('branch curves', () => {
  it("start a branch's epochs at the parent's checkpoint epoch (0-based k − 1, drawn at x = k)", () => {
    const parentEpochs = [epoch(0, 1), epoch(1, 0.8), epoch(2, 0.7)];
    expect(continuedEpochs([epoch(2, 0.5)], parent, parentEpochs).map((e) => [e.epoch, e.train.loss])).toEqual([
      [1, 0.8],
      [2, 0.5],
    ]);
  });

  it("start a branch's loss at the parent's last point at or before the checkpoint iteration", () => {
    const parentLoss: LossPoint[] = [
      [10, 1],
      [20, 0.8],
      [30, 0.7],
    ];
    expect(continuedLoss([[21, 0.6]], parent, parentLoss)).toEqual([
      [20, 0.8],
      [21, 0.6],
    ]);
  });

  it('leave a root run, or a branch whose parent curves are not loaded, as it is', () => {
    expect(continuedEpochs([epoch(0, 1)], null, undefined)).toEqual([epoch(0, 1)]);
    expect(continuedLoss([[21, 0.6]], parent, undefined)).toEqual([[21, 0.6]]);
  });
});
