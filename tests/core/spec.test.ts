import { describe, expect, it } from 'vitest';
import { LAYER_TYPES } from '../../src/core/spec';

describe('spec', () => {
  it('lists every layer type once', () => {
    expect(new Set(LAYER_TYPES).size).toBe(LAYER_TYPES.length);
    expect(LAYER_TYPES).toContain('SoftmaxWithLoss');
  });
});
