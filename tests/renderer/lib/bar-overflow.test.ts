/** The top bar's overflow: groups go into the menu while the bar overflows or a whole text is cut, and come back when they fit. */
import { describe, expect, it } from 'vitest';
import { BarOverflow } from '../../../src/renderer/src/lib/bar-overflow.svelte';

/** Just the layout numbers fit() reads, as an element would report them. */
const box = (sizes: { scrollWidth?: number; clientWidth?: number; offsetWidth?: number }): HTMLElement =>
  ({ isConnected: true, scrollWidth: 0, clientWidth: 0, offsetWidth: 0, ...sizes }) as unknown as HTMLElement;

describe('BarOverflow', () => {
  it('moves one group a step into the menu while the bar is wider than its box, then stops at the last group', () => {
    const overflow = new BarOverflow(2);
    const bar = box({ scrollWidth: 1400, clientWidth: 1280 });
    const groups = [box({ offsetWidth: 250 }), box({ offsetWidth: 230 })];
    overflow.fit(bar, box({ offsetWidth: 0 }), groups, []);
    expect(overflow.hidden).toBe(1);
    overflow.fit(bar, box({ offsetWidth: 0 }), groups, []);
    overflow.fit(bar, box({ offsetWidth: 0 }), groups, []);
    expect(overflow.hidden).toBe(2);
  });

  it('counts a cut text (the run numbers) as not fitting', () => {
    const overflow = new BarOverflow(2);
    const fits = box({ scrollWidth: 1280, clientWidth: 1280 });
    overflow.fit(fits, box({ offsetWidth: 0 }), [box({ offsetWidth: 250 })], [box({ scrollWidth: 300, clientWidth: 120 })]);
    expect(overflow.hidden).toBe(1);
  });

  it('brings a group back only when the free space holds its width with slack, so a changing number cannot make it flicker', () => {
    const overflow = new BarOverflow(2);
    const fits = box({ scrollWidth: 1280, clientWidth: 1280 });
    overflow.fit(box({ scrollWidth: 1400, clientWidth: 1280 }), box({ offsetWidth: 0 }), [box({ offsetWidth: 250 })], []);
    expect(overflow.hidden).toBe(1);
    overflow.fit(fits, box({ offsetWidth: 260 }), [], []);
    expect(overflow.hidden).toBe(1);
    overflow.fit(fits, box({ offsetWidth: 274 }), [], []);
    expect(overflow.hidden).toBe(0);
  });
});
