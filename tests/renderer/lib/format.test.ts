/** Number and duration formatting. */
import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatPercent } from '../../../src/renderer/src/lib/format';

describe('format', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(83)).toBe('1:23');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-1)).toBe('–');
  });

  it('spells out NaN and infinities and uses exponents for tiny or huge values', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(0.5, 2)).toBe('0.50');
    expect(formatNumber(null)).toBe('–');
  });

  it('formats fractions as percentages', () => {
    expect(formatPercent(0.9731)).toBe('97.3 %');
    expect(formatPercent(null)).toBe('–');
  });
});
