/** Architecture presets and fitting an architecture to a dataset. */
import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../../src/core/index';
import { fitToData, preset, PRESET_NAMES } from '../../../src/renderer/src/lib/presets';

describe('presets', () => {
  it("the book's TwoLayerNet on MNIST is 784–50–10 with 39,760 parameters", () => {
    const d = describeArchitecture(preset('twoLayer', 784, 10));
    expect(d.errors).toEqual([]);
    expect(d.parameterCount).toBe(784 * 50 + 50 + 50 * 10 + 10);
    expect(d.layers.at(-1)?.outputSize).toBe(10);
  });

  it('every preset is valid for classification and regression', () => {
    for (const name of PRESET_NAMES) {
      expect(describeArchitecture(preset(name, 4, 3)).errors, name).toEqual([]);
      const regression = preset(name, 4, 1, 'regression');
      expect(regression.layers.at(-1)?.type).toBe('IdentityWithLoss');
      expect(describeArchitecture(regression).errors, name).toEqual([]);
    }
  });
});

describe('fitToData', () => {
  it('sets the input size, the last Affine units and the loss, without touching the input', () => {
    const spec = preset('default2d', 2, 3);
    const fitted = fitToData(spec, 4, 5, 'regression');
    expect(fitted.inputSize).toBe(4);
    expect(fitted.layers[4]).toEqual({ type: 'Affine', units: 5 });
    expect(fitted.layers[5]).toEqual({ type: 'IdentityWithLoss' });
    expect(fitted.layers[0]).toEqual({ type: 'Affine', units: 16 });
    expect(spec.inputSize).toBe(2);
    expect(spec.layers[4]).toEqual({ type: 'Affine', units: 3 });
  });
});
