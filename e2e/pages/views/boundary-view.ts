/** Page object of the Boundary tab: the decision-boundary canvas and its legend. */
import type { Locator, Page } from '@playwright/test';
import { viewTab } from './view-tab';

export class BoundaryView {
  readonly root: Locator;
  readonly canvas: Locator;
  readonly legend: Locator;
  private readonly tab;

  constructor(page: Page) {
    this.tab = viewTab(page, 'Boundary');
    this.root = this.tab.panel;
    this.canvas = this.root.getByTestId('boundary-canvas');
    this.legend = this.root.getByTestId('boundary-legend');
  }

  async open(): Promise<void> {
    await this.tab.open();
  }

  /** How many times the boundary has been redrawn. */
  async drawCount(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-draws'));
  }
}
