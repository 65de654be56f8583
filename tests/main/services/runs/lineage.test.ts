import { describe, expect, it } from 'vitest';
import { checkpointFields, curvesUpTo } from '../../../../src/main/services/runs/lineage';
import type { RunCurves } from '../../../../src/shared/runs';

const metrics = { loss: 1, accuracy: 0.5 };

describe('curvesUpTo', () => {
  it('keeps the loss points up to the checkpoint iteration and the epochs it completed', () => {
    const curves: RunCurves = {
      runId: 'run-1',
      loss: [
        [4, 1],
        [8, 0.9],
        [12, 0.8],
      ],
      iterationsPerPoint: 4,
      epochs: [0, 1, 2].map((epoch) => ({ epoch, train: metrics, validation: null })),
    };
    const cut = curvesUpTo(curves, 2, 8);
    expect(cut.loss).toEqual([
      [4, 1],
      [8, 0.9],
    ]);
    expect(cut.epochs.map((e) => e.epoch)).toEqual([0, 1]);
    expect(cut.iterationsPerPoint).toBe(4);
  });
});

describe('checkpointFields', () => {
  it("uses the host's epoch interval without a schedule, else the run's epochs or seconds", () => {
    expect(checkpointFields(undefined, 1)).toEqual({ checkpointEvery: 1, checkpointSeconds: null });
    expect(checkpointFields({ every: 5, unit: 'epochs' }, 1)).toEqual({ checkpointEvery: 5, checkpointSeconds: null });
    expect(checkpointFields({ every: 30, unit: 'seconds' }, 1)).toEqual({ checkpointEvery: null, checkpointSeconds: 30 });
  });
});
