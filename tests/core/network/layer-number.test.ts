import { describe, expect, it } from 'vitest';
import { layerNumber, parameterLabel, parameterName } from '../../../src/core/network/layer-number';

describe('layer numbers a person reads', () => {
  it('numbers the layer at index 0 as 1', () => {
    expect([0, 1, 5].map(layerNumber)).toEqual([1, 2, 6]);
  });

  it('labels a tensor layers.<i>.<param> as L<i+1>.<param> and leaves other names as they are', () => {
    expect(parameterLabel('layers.0.W')).toBe('L1.W');
    expect(parameterLabel('layers.12.running_mean')).toBe('L13.running_mean');
    expect(parameterLabel('x')).toBe('x');
    expect(parameterLabel('layers.W')).toBe('layers.W');
  });

  it('names a parameter within its layer: layers.0.W → W (the layer is named beside it)', () => {
    expect(parameterName('layers.0.W')).toBe('W');
    expect(parameterName('dW')).toBe('dW');
  });
});
