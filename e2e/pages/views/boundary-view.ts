/** Page object of the Boundary tab: the decision-boundary canvas and its legend. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';

export class BoundaryView extends ViewTab {
  readonly canvas: Locator;
  readonly legend: Locator;

  constructor(page: Page) {
    super(page, 'Boundary');
    this.canvas = this.root.getByTestId('boundary-canvas');
    this.legend = this.root.getByTestId('boundary-legend');
  }

  /** How many times the boundary has been redrawn. */
  async drawCount(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-draws'));
  }
}
