/** Page object of the window's layout: its panes (left column, centre, runs table), the two splitters and the tabs; it measures overflow. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, type Language } from './messages';

/** One pane's widths as the browser lays it out: content wider than the box means a horizontal scrollbar. */
export interface PaneWidth {
  pane: string;
  scrollWidth: number;
  clientWidth: number;
}

/** What the layout looks like at one moment: each pane's widths and whether the top bar is one row. */
export interface LayoutMeasure {
  panes: PaneWidth[];
  /** Every item of the top bar sits on the same row (their vertical centres within 3 px). */
  topBarOneRow: boolean;
  topBarHeight: number;
}

export class WindowLayout {
  readonly root: Locator;
  readonly topBar: Locator;
  readonly leftColumn: Locator;
  readonly centre: Locator;
  readonly runsPane: Locator;
  readonly leftSeparator: Locator;
  readonly runsSeparator: Locator;
  readonly leftToggle: Locator;
  readonly runsToggle: Locator;
  readonly tabs: Locator;

  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    const m = MESSAGES[language];
    this.root = page.locator('body');
    this.topBar = page.getByRole('toolbar', { name: m['top.controls'] });
    this.leftColumn = page.getByTestId('left-column');
    this.centre = page.getByTestId('centre');
    this.runsPane = page.getByTestId('runs-pane');
    this.leftSeparator = page.getByRole('separator', { name: m['layout.resizeLeft'] });
    this.runsSeparator = page.getByRole('separator', { name: m['layout.resizeRuns'] });
    this.leftToggle = page.getByTestId('left-splitter').getByRole('button');
    this.runsToggle = page.getByTestId('runs-splitter').getByRole('button');
    // Found by its name in either language: a sweep switches the language under the same page object.
    const views = new RegExp(`^(${MESSAGES.en['app.views']}|${MESSAGES.zh['app.views']})$`);
    this.tabs = page.getByRole('tablist', { name: views }).getByRole('tab');
  }

  async resizeWindow(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async openTab(index: number): Promise<void> {
    await this.tabs.nth(index).click();
  }

  /** Drag a separator by (dx, dy) pixels with the mouse. */
  async dragSeparator(separator: Locator, dx: number, dy: number): Promise<void> {
    const box = await separator.boundingBox();
    if (!box) throw new Error('the separator is not on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2);
    await this.page.mouse.move(x + dx, y + dy);
    await this.page.mouse.up();
  }

  /** Focus a separator and press `key` `times` times. */
  async pressOnSeparator(separator: Locator, key: string, times = 1): Promise<void> {
    await separator.focus();
    for (let i = 0; i < times; i++) await separator.press(key);
  }

  /** The widths of the document, the top bar, the three panes and the open tab's panel, three animation frames later. */
  async measure(): Promise<LayoutMeasure> {
    return this.page.evaluate(async () => {
      const frame = (): Promise<number> => new Promise((done) => requestAnimationFrame(done));
      for (let i = 0; i < 3; i++) await frame(); // a resize is observed, then fitted in the next frame
      const panes: { pane: string; scrollWidth: number; clientWidth: number }[] = [];
      const add = (pane: string, el: Element | null): void => {
        if (el instanceof HTMLElement && el.offsetParent !== null)
          panes.push({ pane, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      };
      const root = document.documentElement;
      panes.push({ pane: 'document', scrollWidth: root.scrollWidth, clientWidth: root.clientWidth });
      const bar = document.querySelector('[role="toolbar"]');
      add('top bar', bar);
      add('left column', document.querySelector('[data-testid="left-column"]'));
      add('centre', document.querySelector('[data-testid="centre"]'));
      add('runs table', document.querySelector('[data-testid="runs-pane"]'));
      const panel = document.querySelector('[role="tabpanel"]');
      add(`tab ${panel?.id ?? '?'}`, panel);
      const items = bar ? [...bar.children].filter((c) => c instanceof HTMLElement && c.offsetWidth > 0) : [];
      const centres = items.map((c) => {
        const r = c.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      const spread = centres.length ? Math.max(...centres) - Math.min(...centres) : 0;
      return { panes, topBarOneRow: spread <= 3, topBarHeight: bar?.getBoundingClientRect().height ?? 0 };
    });
  }
}
