/** samplesPerSecond: rows per second of a measured time, 0 for none. */
import { describe, expect, it } from 'vitest';
import { samplesPerSecond } from '../../src/shared/throughput';

describe('samplesPerSecond', () => {
  it('divides the rows by the seconds of the milliseconds given', () => {
    expect(samplesPerSecond(720, 1500)).toBe(480);
  });

  it('is 0, not Infinity or NaN, when no time was measured', () => {
    expect([samplesPerSecond(3000, 0), samplesPerSecond(0, 0)]).toEqual([0, 0]);
  });
});
