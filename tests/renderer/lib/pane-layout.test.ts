/** Pane sizes: clamped to their bounds, saved only when committed, put back from the workspace settings. */
import { describe, expect, it } from 'vitest';
import {
  CENTRE_MIN_WIDTH,
  CENTRE_MIN_HEIGHT,
  clampSize,
  LEFT_BOUNDS,
  PaneLayout,
  RUNS_BOUNDS,
} from '../../../src/renderer/src/lib/pane-layout.svelte';

describe('PaneLayout', () => {
  it('clamps sizes into their bounds, rounds them, and keeps the current size for a NaN', () => {
    expect(clampSize(10, LEFT_BOUNDS)).toBe(LEFT_BOUNDS.min);
    expect(clampSize(5000, LEFT_BOUNDS)).toBe(LEFT_BOUNDS.max);
    expect(clampSize(300.6, LEFT_BOUNDS)).toBe(301);
    const layout = new PaneLayout();
    layout.setRunsHeight(Number.NaN);
    expect(layout.runsHeight).toBe(RUNS_BOUNDS.initial);
  });

  it('saves what was committed, not every step of a drag', () => {
    const layout = new PaneLayout();
    const before = layout.settings();
    layout.setLeftWidth(400);
    layout.setLeftWidth(420);
    expect(layout.settings()).toEqual(before);
    layout.leftCollapsed = true;
    layout.commit();
    expect(layout.settings()).toEqual({
      'layout.leftWidth': 420,
      'layout.leftCollapsed': true,
      'layout.runsHeight': RUNS_BOUNDS.initial,
      'layout.runsCollapsed': false,
    });
  });

  it('puts saved settings back, clamped, and ignores missing or wrongly typed ones', () => {
    const layout = new PaneLayout();
    layout.apply({ 'layout.leftWidth': 9999, 'layout.runsHeight': '200', 'layout.runsCollapsed': true, theme: 'dark' });
    expect(layout.leftWidth).toBe(LEFT_BOUNDS.max);
    expect(layout.runsHeight).toBe(RUNS_BOUNDS.initial);
    expect(layout.runsCollapsed).toBe(true);
    expect(layout.leftCollapsed).toBe(false);
    expect(layout.settings()['layout.leftWidth']).toBe(LEFT_BOUNDS.max);
  });

  it('leaves the centre its room in a small window and gives the chosen size back in a bigger one', () => {
    const layout = new PaneLayout();
    layout.windowWidth = 1920;
    layout.setLeftWidth(600);
    layout.windowWidth = 1280;
    expect(layout.leftBounds.max).toBe(1280 - CENTRE_MIN_WIDTH);
    expect(layout.shownLeftWidth).toBe(1280 - CENTRE_MIN_WIDTH);
    expect(layout.leftWidth).toBe(600);
    layout.windowWidth = 1920;
    expect(layout.shownLeftWidth).toBe(600);
    layout.windowWidth = 1280;
    layout.setLeftWidth(700);
    expect(layout.leftWidth).toBe(1280 - CENTRE_MIN_WIDTH);
    layout.windowHeight = 720;
    layout.setRunsHeight(1000);
    expect(layout.shownRunsHeight).toBe(720 - CENTRE_MIN_HEIGHT);
  });
});
