/** Page object of the runs table read as a tree, in English or 中文: rows by run id, their level and parent, Branch… and Resume. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class RunTree {
  readonly root: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  private readonly m: Messages;

  constructor(page: Page, language: Language = 'en') {
    this.m = MESSAGES[language];
    this.root = page.getByRole('region', { name: this.m['runs.heading'], exact: true });
    this.grid = this.root.getByRole('treegrid');
    this.rows = this.root.getByTestId('run-row');
  }

  row(runId: string): Locator {
    return this.root.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  }

  status(runId: string): Locator {
    return this.row(runId).getByTestId('run-row-status');
  }

  /** "branch of run-1 at epoch 2" under a branch's name. */
  origin(runId: string): Locator {
    return this.row(runId).getByTestId('run-origin');
  }

  async branch(name: string): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'branch.actionRun', { name }), exact: true }).click();
  }

  async resume(name: string): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'branch.resumeRun', { name }), exact: true }).click();
  }
}
