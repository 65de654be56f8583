/** Page object of the Diagnostics tab: per-layer histograms, dead ReLU shares and the gradient-norm chart. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';

export class DiagnosticsView extends ViewTab {
  readonly layers: Locator;
  readonly deadFractions: Locator;
  readonly normChart: Locator;

  constructor(page: Page) {
    super(page, 'Diagnostics');
    this.layers = this.root.getByTestId('layer-diagnostics');
    this.deadFractions = this.root.getByTestId('dead-fraction');
    this.normChart = this.root.getByTestId('grad-norm-chart');
  }

  /** Points in the gradient-norm history. */
  async normPoints(): Promise<number> {
    return Number(await this.normChart.getAttribute('data-points'));
  }
}
