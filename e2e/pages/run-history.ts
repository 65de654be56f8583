/** Page object of the runs table read in either UI language: a run's row, status and disk use; show, overlay and import a run. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class RunHistory {
  readonly root: Locator;
  readonly rows: Locator;
  /** "Imported …" after Import PyTorch run…. */
  readonly importedNotice: Locator;
  private readonly m: Messages;

  constructor(page: Page, language: Language = 'en') {
    this.m = MESSAGES[language];
    this.root = page.getByRole('region', { name: this.m['runs.heading'], exact: true });
    this.rows = this.root.getByTestId('run-row');
    this.importedNotice = this.root.getByTestId('run-imported');
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

  /** Runs → Import PyTorch run…: answer its three file pickers (model, losses.csv, epochs.csv) in the browser. */
  async importPytorchRun(files: { model: string; losses: string; epochs: string }): Promise<void> {
    const page = this.root.page();
    let chooser = page.waitForEvent('filechooser');
    await this.root.getByRole('button', { name: this.m['elsewhere.import.button'], exact: true }).click();
    for (const file of [files.model, files.losses, files.epochs]) {
      const current = await chooser;
      chooser = page.waitForEvent('filechooser');
      await current.setFiles(file);
    }
    chooser.catch(() => undefined); // no fourth picker
  }

  async overlay(name: string): Promise<void> {
    await this.root.getByRole('checkbox', { name: say(this.m, 'runs.overlayRun', { name }), exact: true }).check();
  }
}
