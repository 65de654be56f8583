import { describe, expect, it } from 'vitest';
import { optimizerPaths, signChanges } from '../../../src/core/experiments/optimizer-paths';
import { runExperiment } from '../../../src/core/experiments/run-experiment';

describe('optimizer-paths', () => {
  const run = runExperiment(optimizerPaths, { seed: 1 });
  const cell = (label: string) => run.results.find((r) => r.label === label)!;

  it('records 31 points per optimizer (the start and 30 steps) from (−7, 2)', () => {
    expect(run.results.map((r) => r.label)).toEqual(['SGD', 'Momentum', 'AdaGrad', 'Adam']);
    for (const r of run.results) {
      expect(r.series[0].x).toHaveLength(31);
      expect([r.series[0].x[0], r.series[0].y[0]]).toEqual([-7, 2]);
    }
  });

  it('SGD zig-zags: its y changes sign at least 10 times', () => {
    expect(cell('SGD').figures.ySignChanges).toBeGreaterThanOrEqual(10);
  });

  it('Adam and AdaGrad end within 1.0 of the minimum (0, 0)', () => {
    expect(cell('Adam').figures.distance).toBeLessThan(1);
    expect(cell('AdaGrad').figures.distance).toBeLessThan(1);
  });

  it("SGD's first step is core's update W ← W − lr·dW with f's gradient (x/10, 2y)", () => {
    const s = cell('SGD').series[0];
    expect(s.x[1]).toBeCloseTo(-7 - 0.95 * (-7 / 10), 12);
    expect(s.y[1]).toBeCloseTo(2 - 0.95 * (2 * 2), 12);
  });

  it('counts sign changes skipping zeros', () => {
    expect(signChanges([1, -1, 0, -2, 3])).toBe(2);
  });
});
