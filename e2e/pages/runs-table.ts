/** Page object of the runs table: rows, overlay checkboxes, copy config and delete. */
import type { Locator, Page } from '@playwright/test';

export class RunsTable {
  readonly root: Locator;
  readonly rows: Locator;
  /** "Runs on disk: 12.3 KB" beside the heading. */
  readonly diskTotal: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Runs', exact: true });
    this.rows = this.root.getByTestId('run-row');
    this.diskTotal = this.root.getByTestId('disk-total');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.root.page().getByRole('button', { name: `Show ${name}`, exact: true }) });
  }

  /** The colour swatch of a run (its colour in every chart). */
  async colour(name: string): Promise<string> {
    return this.row(name)
      .locator('.swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  async overlay(name: string): Promise<void> {
    await this.root.getByRole('checkbox', { name: `Overlay ${name}`, exact: true }).check();
  }

  async select(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Show ${name}`, exact: true }).click();
  }

  async copyConfig(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Copy the config of ${name}`, exact: true }).click();
  }

  /** Delete every run, newest first. */
  async deleteAll(): Promise<void> {
    const buttons = this.root.getByRole('button', { name: /^Delete / });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }

  async delete(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
  }
}
