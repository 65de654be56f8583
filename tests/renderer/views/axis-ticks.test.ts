import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../src/renderer/src/views/axis-ticks';

describe('niceTicks', () => {
  it('steps of 1, 2 or 5 × 10^k inside the range, placed by their share of it', () => {
    const ticks = niceTicks(3.71, 8.29, 5);
    expect(ticks.map((t) => t.text)).toEqual(['4', '5', '6', '7', '8']);
    expect(ticks[0].at).toBeCloseTo((4 - 3.71) / (8.29 - 3.71), 12);
  });

  it('writes as many decimals as the step needs, and 0 never as -0', () => {
    expect(niceTicks(-0.23, 0.41, 4).map((t) => t.text)).toEqual(['-0.2', '0.0', '0.2', '0.4']);
    expect(niceTicks(0.0011, 0.0019, 4).map((t) => t.text)).toEqual(['0.0012', '0.0014', '0.0016', '0.0018']);
  });

  it('no ticks for an empty or non-finite range', () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});
