/** Page object of the empty-state "Start here" card: open a CSV, focus the built-in list or the preset list, Train now. */
import type { Locator, Page } from '@playwright/test';
import { hostFiles } from '../support/host-files';
import { MESSAGES, type Language, type Messages } from './messages';

export class StartHereCard {
  readonly root: Locator;
  /** "✓ Loaded: spiral" once a dataset is loaded. */
  readonly datasetStatus: Locator;
  readonly trainNowButton: Locator;
  private readonly m: Messages;

  /** `language`: the UI language the card is read in. */
  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    const m = (this.m = MESSAGES[language]);
    this.root = page.getByRole('region', { name: m['start.heading'], exact: true });
    this.datasetStatus = this.root.getByTestId('start-dataset');
    this.trainNowButton = this.root.getByRole('button', { name: m['start.train.go'], exact: true });
  }

  /** Step 1: open a CSV through the card's own button (the file dialog answered with `filePath`). */
  async openCsv(filePath: string): Promise<void> {
    await hostFiles(this.page).choose(filePath, () =>
      this.root.getByRole('button', { name: this.m['start.dataset.open'], exact: true }).click(),
    );
  }

  /** Step 2: the card's button that moves the focus to the architecture's preset list. */
  async focusPresets(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['start.preset.choose'], exact: true }).click();
  }

  async trainNow(): Promise<void> {
    await this.trainNowButton.click();
  }
}
