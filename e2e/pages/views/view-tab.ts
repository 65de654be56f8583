/** The shared part of every centre-tab page object: its panel as `root`, and `open()` to select its tab. */
import type { Locator, Page } from '@playwright/test';

export abstract class ViewTab {
  /** The tab panel named after its tab's label. */
  readonly root: Locator;
  private readonly tab: Locator;

  constructor(page: Page, name: string) {
    this.root = page.getByRole('tabpanel', { name });
    this.tab = page.getByRole('tab', { name, exact: true });
  }

  async open(): Promise<void> {
    await this.tab.click();
  }
}
