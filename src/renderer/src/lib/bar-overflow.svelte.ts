/**
 * Keeps a toolbar on one row: measures what fits and says how many of its optional groups (in the order they give
 * way) go into its overflow menu. A group moves into the menu when the bar overflows or a text that must stay whole
 * is cut; it comes back when the bar's free space (a flexible spacer) can hold it again, with some slack so that a
 * changing number (samples/s) does not make it flicker.
 */

import { flushSync } from 'svelte';

/** Free pixels needed beyond a group's width before it comes back from the menu. */
const SLACK = 24;

export class BarOverflow {
  /** How many optional groups are in the menu (the first `hidden` of them, in the order they give way). */
  hidden = $state(0);
  /** Each group's width when it was last on the bar (what it needs to come back). */
  private widths: number[] = [];

  constructor(readonly groups: number) {}

  /**
   * One measuring step. `bar`: the toolbar; `spacer`: its flexible free space; `inline[k]`: group k while on the bar;
   * `whole`: texts that must not be cut (their scrollWidth beyond their clientWidth means the bar is too full).
   */
  fit(bar: HTMLElement, spacer: HTMLElement, inline: (HTMLElement | undefined)[], whole: HTMLElement[]): void {
    const cut = whole.some((el) => el.isConnected && el.scrollWidth > el.clientWidth + 1);
    if ((bar.scrollWidth > bar.clientWidth + 1 || cut) && this.hidden < this.groups) {
      this.widths[this.hidden] = inline[this.hidden]?.offsetWidth ?? 0;
      this.hidden += 1;
    } else if (this.hidden > 0 && !cut && spacer.offsetWidth >= this.widths[this.hidden - 1] + SLACK) {
      this.hidden -= 1;
    }
  }

  /** Repeat `step` (one fit) in this frame, the DOM updated after each change, until the bar stops changing. */
  private settle(step: () => void): void {
    for (let i = 0; i <= this.groups; i++) {
      const before = this.hidden;
      step();
      if (this.hidden === before) return;
      flushSync();
    }
  }

  /**
   * Fit again whenever the bar or anything on it changes size or text (a run's numbers appear or grow, the language
   * changes, the window is resized): in the next animation frame, settled before it is painted. Returns the function
   * that stops it.
   */
  watch(bar: HTMLElement, step: () => void): () => void {
    if (typeof ResizeObserver === 'undefined') return () => {}; // no layout to measure (jsdom)
    let frame = 0;
    const schedule = (): void => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          this.settle(step);
          for (const child of bar.children) observer.observe(child);
        });
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(bar);
    for (const child of bar.children) observer.observe(child);
    const texts = new MutationObserver(schedule);
    texts.observe(bar, { subtree: true, childList: true, characterData: true });
    schedule();
    return () => {
      observer.disconnect();
      texts.disconnect();
      cancelAnimationFrame(frame);
    };
  }
}
