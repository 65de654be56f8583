/** Page object of the Training panel: optimizer, learning rate (with the live change), batch size, epochs and the rest. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class TrainingPanel {
  readonly root: Locator;
  readonly learningRate: Locator;
  readonly applyLearningRateButton: Locator;

  private readonly m: Messages;

  /** `language`: the UI language the panel is read in. */
  constructor(page: Page, language: Language = 'en') {
    this.m = MESSAGES[language];
    this.root = page.getByRole('region', { name: this.m['train.heading'], exact: true });
    this.learningRate = this.root.getByRole('textbox', { name: this.m['train.learningRate'], exact: true });
    this.applyLearningRateButton = this.root.getByRole('button', { name: this.m['train.applyLr'] });
  }

  private async fill(name: string, value: string): Promise<void> {
    const field = this.root.getByRole('textbox', { name, exact: true });
    await field.fill(value);
    await field.blur();
  }

  async setEpochs(epochs: number): Promise<void> {
    await this.fill(this.m['train.epochs'], String(epochs));
  }

  async setBatchSize(size: number): Promise<void> {
    await this.fill(this.m['train.batchSize'], String(size));
  }

  async setLearningRate(rate: string): Promise<void> {
    await this.fill(this.m['train.learningRate'], rate);
  }

  /** The field of a numeric setting, by its label in the panel's language. */
  field(label: string): Locator {
    return this.root.getByRole('textbox', { name: label, exact: true });
  }

  /** Type `text` into a setting without committing it (the field keeps the focus). */
  async typeInto(label: string, text: string): Promise<void> {
    await this.field(label).fill(text);
  }

  /** Open the help popover of the setting labelled `label` from the keyboard (focus its "?" button, Enter); resolves with the popover. */
  async openHelp(label: string): Promise<Locator> {
    const button = this.root.getByRole('button', { name: say(this.m, 'help.about', { label }), exact: true });
    await button.focus();
    await button.press('Enter');
    return this.root.locator(`#${await button.getAttribute('popovertarget')}`);
  }

  /** "Threads per run": 'auto', '1' or '2'. */
  async chooseThreads(value: 'auto' | '1' | '2'): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['train.threads'], exact: true }).selectOption(value);
  }

  async chooseOptimizer(name: string): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['train.optimizer'] }).selectOption(name);
  }
}
