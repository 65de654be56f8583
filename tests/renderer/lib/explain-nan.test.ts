/** NaN explanations: where (1-based layer, parameter) and the fixes, starting with a lower learning rate. */
import { describe, expect, it } from 'vitest';
import { explainNonFinite, lowerLearningRate } from '../../../src/renderer/src/lib/explain-nan';
import { preset } from '../../../src/renderer/src/lib/presets';

describe('explainNonFinite', () => {
  const arch = preset('twoLayer', 2, 3);

  it('names the layer (1-based), its type and the parameter of a gradient (W of the tensor layers.2.W)', () => {
    const [where] = explainNonFinite(
      { epoch: 2, batch: 7, iteration: 70, where: 'gradient', layer: 2, parameter: 'layers.2.W' },
      arch,
      5,
    );
    expect(where.key).toBe('nan.where.gradient');
    expect(where.params).toMatchObject({ layer: 3, type: 'Affine', parameter: 'W', epoch: 3, batch: 7, iteration: 70 });
  });

  it('uses the loss sentence when no layer is known', () => {
    const [where] = explainNonFinite({ epoch: 0, batch: 1, iteration: 1, where: 'loss', layer: null, parameter: null }, arch, 1);
    expect(where.key).toBe('nan.where.loss');
  });

  it('suggests a learning rate ten times lower first, and BatchNormalization only when there is none', () => {
    const fixes = explainNonFinite(
      { epoch: 0, batch: 1, iteration: 1, where: 'weight', layer: 0, parameter: 'W' },
      arch,
      0.5,
    ).slice(1);
    expect(fixes[0]).toEqual({ key: 'nan.fix.lr', params: { lr: 0.5, suggested: 0.05 } });
    expect(fixes.map((f) => f.key)).toContain('nan.fix.init');
    const deep = explainNonFinite(
      { epoch: 0, batch: 1, iteration: 1, where: 'weight', layer: 0, parameter: 'W' },
      preset('deep', 2, 3),
      0.5,
    );
    expect(deep.map((f) => f.key)).not.toContain('nan.fix.init');
  });

  it('writes the lower rate without float noise', () => {
    expect(lowerLearningRate(0.3)).toBe(0.03);
    expect(lowerLearningRate(1)).toBe(0.1);
  });
});
