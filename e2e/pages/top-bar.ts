/** Page object of the top bar: Train / Pause / Resume / Step / Stop and the run progress. */
import type { Locator, Page } from '@playwright/test';

export class TopBar {
  readonly root: Locator;
  readonly trainButton: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly stepButton: Locator;
  readonly stopButton: Locator;
  readonly progress: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('toolbar', { name: 'Training controls' });
    this.trainButton = this.root.getByRole('button', { name: 'Train', exact: true });
    this.pauseButton = this.root.getByRole('button', { name: 'Pause', exact: true });
    this.resumeButton = this.root.getByRole('button', { name: 'Resume', exact: true });
    this.stepButton = this.root.getByRole('button', { name: 'Step', exact: true });
    this.stopButton = this.root.getByRole('button', { name: 'Stop', exact: true });
    this.progress = this.root.getByRole('progressbar', { name: 'Training progress' });
    this.status = this.root.getByTestId('run-status');
  }

  async train(): Promise<void> {
    await this.trainButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }
}
