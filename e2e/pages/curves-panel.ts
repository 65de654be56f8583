/** Page object of the Curves tab: the live loss chart and the numbers it exposes for checking. */
import type { Locator, Page } from '@playwright/test';

export class CurvesPanel {
  readonly root: Locator;
  readonly lossChart: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('tabpanel', { name: 'Curves' });
    this.lossChart = this.root.getByTestId('loss-chart');
  }

  /** Points drawn in the loss chart so far. */
  async pointCount(): Promise<number> {
    return Number(await this.lossChart.getAttribute('data-points'));
  }

  /** First and last loss values drawn. */
  async firstAndLastLoss(): Promise<{ first: number; last: number }> {
    const first = Number(await this.lossChart.getAttribute('data-first'));
    const last = Number(await this.lossChart.getAttribute('data-last'));
    return { first, last };
  }
}
