/** Page object of the runs table read in either UI language: a run's row, status and disk use; show and overlay a run. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class RunHistory {
  readonly root: Locator;
  readonly rows: Locator;
  private readonly m: Messages;

  constructor(page: Page, language: Language = 'en') {
    this.m = MESSAGES[language];
    this.root = page.getByRole('region', { name: this.m['runs.heading'], exact: true });
    this.rows = this.root.getByTestId('run-row');
  }

  /** The row of the run named `name`. */
  row(name: string): Locator {
    const show = this.root.page().getByRole('button', { name: say(this.m, 'runs.select', { name }), exact: true });
    return this.rows.filter({ has: show });
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('run-row-status');
  }

  disk(name: string): Locator {
    return this.row(name).getByTestId('run-disk');
  }

  async show(name: string): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'runs.select', { name }), exact: true }).click();
  }

  async overlay(name: string): Promise<void> {
    await this.root.getByRole('checkbox', { name: say(this.m, 'runs.overlayRun', { name }), exact: true }).check();
  }
}
