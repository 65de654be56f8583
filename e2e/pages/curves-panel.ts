/** Page object of the Curves tab: the live charts, the smoothing slider, the log-scale toggle and the NaN explanation. */
import type { Locator, Page } from '@playwright/test';

export class CurvesPanel {
  readonly root: Locator;
  readonly lossChart: Locator;
  readonly epochLossChart: Locator;
  readonly accuracyChart: Locator;
  readonly logScale: Locator;
  readonly smoothing: Locator;
  readonly nanExplanation: Locator;

  /** `name`: the tab's label in the window's language. */
  constructor(page: Page, name = 'Curves') {
    this.root = page.getByRole('tabpanel', { name });
    this.lossChart = this.root.getByTestId('loss-chart');
    this.epochLossChart = this.root.getByTestId('epoch-loss-chart');
    this.accuracyChart = this.root.getByTestId('accuracy-chart');
    this.logScale = this.root.getByRole('checkbox', { name: 'Log scale' });
    this.smoothing = this.root.getByRole('slider', { name: /Smoothing/ });
    this.nanExplanation = this.root.getByTestId('nan-explanation');
  }

  /** Points drawn in the loss chart so far. */
  async pointCount(): Promise<number> {
    return Number(await this.lossChart.getAttribute('data-points'));
  }

  /** Series (runs) drawn in the loss chart. */
  async seriesCount(): Promise<number> {
    return Number(await this.lossChart.getAttribute('data-series'));
  }

  /** First and last loss values drawn. */
  async firstAndLastLoss(): Promise<{ first: number; last: number }> {
    const first = Number(await this.lossChart.getAttribute('data-first'));
    const last = Number(await this.lossChart.getAttribute('data-last'));
    return { first, last };
  }

  async toggleLogScale(): Promise<void> {
    await this.logScale.click();
  }
}
