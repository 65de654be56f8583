/** Page object of the Boundary tab in either UI language: the plane shown (two features or PCA), the axes, the legend and the stale notice. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, type Language, type Messages } from '../messages';
import { ViewTab } from './view-tab';

/** How the boundary plot lies in its pane (see plotFit). */
export interface PlotFit {
  right: number;
  bottom: number;
  left: number;
  top: number;
  paneScrolls: boolean;
  cssSize: number;
  pixelSize: number;
}

export class BoundaryPlaneView extends ViewTab {
  readonly canvas: Locator;
  readonly legend: Locator;
  readonly nanSwatch: Locator;
  readonly xTitle: Locator;
  readonly yTitle: Locator;
  readonly xTicks: Locator;
  readonly yTicks: Locator;
  /** "The other N features are held at their training mean." */
  readonly held: Locator;
  readonly iteration: Locator;
  readonly notice: Locator;
  private readonly m: Messages;

  constructor(page: Page, language: Language = 'en') {
    super(page, MESSAGES[language]['tab.boundary']);
    this.m = MESSAGES[language];
    this.canvas = this.root.getByTestId('boundary-canvas');
    this.legend = this.root.getByTestId('boundary-legend');
    this.nanSwatch = this.root.getByTestId('boundary-nan');
    this.xTitle = this.root.getByTestId('boundary-x-title');
    this.yTitle = this.root.getByTestId('boundary-y-title');
    this.xTicks = this.root.getByTestId('boundary-x-ticks').locator('span');
    this.yTicks = this.root.getByTestId('boundary-y-ticks').locator('span');
    this.held = this.root.getByTestId('boundary-held');
    this.iteration = this.root.getByTestId('boundary-iteration');
    this.notice = this.root.getByTestId('stale-notice');
  }

  /** Show features `x` and `y` (by name), the others at their training mean. */
  async chooseFeatures(x: string, y: string): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['plane.projection'] }).selectOption('features');
    await this.root.getByRole('combobox', { name: this.m['plane.x'] }).selectOption({ label: x });
    await this.root.getByRole('combobox', { name: this.m['plane.y'] }).selectOption({ label: y });
  }

  async choosePca(): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['plane.projection'] }).selectOption('pca');
  }

  /**
   * Where the plot lies in its scrolling pane (the centre), in CSS pixels: how far the canvas, the tick labels and the
   * axis titles reach past the pane's visible box on each side (≤ 0 when inside), and the canvas's size.
   */
  async plotFit(): Promise<PlotFit> {
    return this.root.evaluate(async (panel) => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const pane = panel.closest('[data-testid="centre"]') ?? panel;
      const box = pane.getBoundingClientRect();
      const parts = ['boundary-canvas', 'boundary-x-ticks', 'boundary-y-ticks', 'boundary-x-title', 'boundary-y-title'];
      const rects = parts.flatMap((id) => {
        const el = panel.querySelector(`[data-testid="${id}"]`);
        return el ? [el.getBoundingClientRect(), ...[...el.children].map((c) => c.getBoundingClientRect())] : [];
      });
      const canvas = panel.querySelector('canvas');
      return {
        right: Math.max(...rects.map((r) => r.right)) - (box.left + pane.clientWidth),
        bottom: Math.max(...rects.map((r) => r.bottom)) - (box.top + pane.clientHeight),
        left: box.left - Math.min(...rects.map((r) => r.left)),
        top: box.top - Math.min(...rects.map((r) => r.top)),
        paneScrolls: pane.scrollWidth > pane.clientWidth || pane.scrollHeight > pane.clientHeight,
        cssSize: canvas?.getBoundingClientRect().width ?? 0,
        pixelSize: canvas?.width ?? 0,
      };
    });
  }

  /** The x-axis tick texts, left to right. */
  async xTickTexts(): Promise<string[]> {
    return this.xTicks.allTextContents();
  }
}
