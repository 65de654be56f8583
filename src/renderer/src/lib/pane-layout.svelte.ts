/**
 * The window's pane sizes: the left column's width and the runs table's height (CSS pixels), each also collapsible.
 * Dragging changes the live sizes; `commit()` makes them the saved ones, which the workspace keeps with the other UI
 * settings (theme, language, tab) so that they come back after a reload or a restart.
 */
import type { EditorState } from '../../../shared/workspace';

type Settings = EditorState['settings'];

/** A pane's size range and the size it opens with. */
export interface PaneBounds {
  min: number;
  max: number;
  initial: number;
}

export const LEFT_BOUNDS: PaneBounds = { min: 220, max: 640, initial: 286 };
export const RUNS_BOUNDS: PaneBounds = { min: 72, max: 600, initial: 150 };
/** However the panes are sized, the centre keeps this width and this height of the window (the panes give way). */
export const CENTRE_MIN_WIDTH = 720;
export const CENTRE_MIN_HEIGHT = 320;
/** A keyboard step of a separator (arrow keys), and a big one (with Shift). */
export const STEP = 16;
export const BIG_STEP = 64;

/** The settings keys, one per saved value. */
const KEYS = {
  leftWidth: 'layout.leftWidth',
  leftCollapsed: 'layout.leftCollapsed',
  runsHeight: 'layout.runsHeight',
  runsCollapsed: 'layout.runsCollapsed',
} as const;

/** `value` rounded into [min, max] (a NaN gives `fallback`). */
export function clampSize(value: number, bounds: PaneBounds, fallback = bounds.initial): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.round(Math.min(bounds.max, Math.max(bounds.min, value)));
}

export class PaneLayout {
  leftWidth = $state(LEFT_BOUNDS.initial);
  leftCollapsed = $state(false);
  runsHeight = $state(RUNS_BOUNDS.initial);
  runsCollapsed = $state(false);
  /** The window's inner size (bound by the app), which caps both panes. */
  windowWidth = $state(Number.POSITIVE_INFINITY);
  windowHeight = $state(Number.POSITIVE_INFINITY);
  /** The bounds in this window: a pane never takes the centre's minimum room (but never goes below its own minimum). */
  readonly leftBounds = $derived<PaneBounds>({
    ...LEFT_BOUNDS,
    max: Math.max(LEFT_BOUNDS.min, Math.min(LEFT_BOUNDS.max, this.windowWidth - CENTRE_MIN_WIDTH)),
  });
  readonly runsBounds = $derived<PaneBounds>({
    ...RUNS_BOUNDS,
    max: Math.max(RUNS_BOUNDS.min, Math.min(RUNS_BOUNDS.max, this.windowHeight - CENTRE_MIN_HEIGHT)),
  });
  /** The sizes as laid out: the chosen ones, capped by this window (a bigger window gives them back). */
  readonly shownLeftWidth = $derived(Math.min(this.leftWidth, this.leftBounds.max));
  readonly shownRunsHeight = $derived(Math.min(this.runsHeight, this.runsBounds.max));
  /** What was last committed: the values the workspace saves (not every pixel of a drag). */
  private saved = $state<Settings>({});

  constructor() {
    this.commit();
  }

  setLeftWidth(width: number): void {
    this.leftWidth = clampSize(width, this.leftBounds, this.leftWidth);
  }

  setRunsHeight(height: number): void {
    this.runsHeight = clampSize(height, this.runsBounds, this.runsHeight);
  }

  /** Make the current sizes and collapsed states the saved ones (after a drag ends, a key, a toggle). */
  commit(): void {
    this.saved = {
      [KEYS.leftWidth]: this.leftWidth,
      [KEYS.leftCollapsed]: this.leftCollapsed,
      [KEYS.runsHeight]: this.runsHeight,
      [KEYS.runsCollapsed]: this.runsCollapsed,
    };
  }

  /** The saved values as workspace settings (reactive: read inside the autosave effect). */
  settings(): Settings {
    return this.saved;
  }

  /** Put saved settings back; a missing or wrong value keeps the current one. */
  apply(settings: Settings): void {
    const width = settings[KEYS.leftWidth];
    if (typeof width === 'number') this.setLeftWidth(width);
    const height = settings[KEYS.runsHeight];
    if (typeof height === 'number') this.setRunsHeight(height);
    const left = settings[KEYS.leftCollapsed];
    if (typeof left === 'boolean') this.leftCollapsed = left;
    const runs = settings[KEYS.runsCollapsed];
    if (typeof runs === 'boolean') this.runsCollapsed = runs;
    this.commit();
  }
}

/** The one layout of the window. */
export const paneLayout = new PaneLayout();
