/** Page object of the Training panel: optimizer, learning rate (with the live change), batch size, epochs and the rest. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, type Language, type Messages } from './messages';

export class TrainingPanel {
  readonly root: Locator;
  readonly learningRate: Locator;
  readonly applyLearningRateButton: Locator;

  private readonly m: Messages;

  /** `language`: the UI language the panel is read in. */
  constructor(page: Page, language: Language = 'en') {
    this.m = MESSAGES[language];
    this.root = page.getByRole('region', { name: this.m['train.heading'], exact: true });
    this.learningRate = this.root.getByRole('textbox', { name: 'Learning rate' });
    this.applyLearningRateButton = this.root.getByRole('button', { name: 'Apply to run' });
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
    await this.fill('Batch size', String(size));
  }

  async setLearningRate(rate: string): Promise<void> {
    await this.fill('Learning rate', rate);
  }

  async chooseOptimizer(name: string): Promise<void> {
    await this.root.getByRole('combobox', { name: 'Optimizer' }).selectOption(name);
  }
}
