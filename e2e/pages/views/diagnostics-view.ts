/** Page object of the Diagnostics tab: per-layer histograms, dead ReLU shares and the gradient-norm chart. */
import type { Locator, Page } from '@playwright/test';
import { viewTab } from './view-tab';

export class DiagnosticsView {
  readonly root: Locator;
  readonly layers: Locator;
  readonly deadFractions: Locator;
  readonly normChart: Locator;
  private readonly tab;

  constructor(page: Page) {
    this.tab = viewTab(page, 'Diagnostics');
    this.root = this.tab.panel;
    this.layers = this.root.getByTestId('layer-diagnostics');
    this.deadFractions = this.root.getByTestId('dead-fraction');
    this.normChart = this.root.getByTestId('grad-norm-chart');
  }

  async open(): Promise<void> {
    await this.tab.open();
  }

  /** Points in the gradient-norm history. */
  async normPoints(): Promise<number> {
    return Number(await this.normChart.getAttribute('data-points'));
  }
}
