import { describe, expect, it } from 'vitest';
import { initActivations } from '../../../src/core/experiments/init-activations';
import { runExperiment } from '../../../src/core/experiments/run-experiment';

describe('init-activations (1,000 inputs of 100 features through 5 layers of 100)', () => {
  const run = runExperiment(initActivations, { seed: 7 });
  const figures = (label: string) => run.results.find((r) => r.label === label)!.figures;
  const layers = [1, 2, 3, 4, 5];

  it('draws one 30-bin histogram per layer over all 100,000 activations in [0, 1]', () => {
    for (const r of run.results) {
      expect(r.series.map((s) => s.name)).toEqual(layers.map((k) => `layer ${k}`));
      if (r.label.startsWith('sigmoid')) for (const s of r.series) expect(s.y.reduce((a, b) => a + b, 0)).toBe(100_000);
    }
  });

  it('sigmoid with std 1 puts ≥ 60 % of activations below 0.1 or above 0.9 in every layer (vanishing gradients)', () => {
    for (const k of layers) expect(figures('sigmoid, std 1')[`layer${k}.saturated`]).toBeGreaterThanOrEqual(0.6);
  });

  it('sigmoid with std 0.01 puts ≥ 90 % within 0.5 ± 0.05 in every layer (lost expressiveness)', () => {
    for (const k of layers) expect(figures('sigmoid, std 0.01')[`layer${k}.nearHalf`]).toBeGreaterThanOrEqual(0.9);
  });

  it("ReLU with He keeps layer 5's std at ≥ 50 % of layer 1's; Xavier falls below 50 %, std 0.01 below 1 %", () => {
    expect(figures('ReLU, He').stdRatio).toBeGreaterThanOrEqual(0.5);
    expect(figures('ReLU, Xavier').stdRatio).toBeLessThan(0.5);
    expect(figures('ReLU, std 0.01').stdRatio).toBeLessThan(0.01);
  });

  it('is the same for the same seed', () => {
    expect(runExperiment(initActivations, { seed: 7, params: { samples: 50 } }).summary).toEqual(
      runExperiment(initActivations, { seed: 7, params: { samples: 50 } }).summary,
    );
  });
});
