/** Page object of the Confusion tab: evaluate a split and read the matrix. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';
import { MESSAGES, type Language, type Messages } from '../messages';

export class ConfusionView extends ViewTab {
  readonly matrix: Locator;
  readonly precisionRecall: Locator;
  readonly accuracy: Locator;

  private readonly m: Messages;

  /** `language`: the UI language the tab is read in (default English). */
  constructor(page: Page, language: Language = 'en') {
    super(page, MESSAGES[language]['tab.confusion']);
    this.m = MESSAGES[language];
    this.matrix = this.root.getByTestId('confusion-matrix');
    this.precisionRecall = this.root.getByTestId('precision-recall');
    this.accuracy = this.root.getByTestId('confusion-accuracy');
  }

  async evaluate(split: 'validation' | 'test' | 'train'): Promise<void> {
    await this.root.getByLabel(this.m['views.split']).selectOption(split);
    await this.root.getByRole('button', { name: this.m['views.evaluate'] }).click();
  }

  /** Sum of every count in the matrix. */
  async total(): Promise<number> {
    const cells = await this.matrix
      .locator('td[data-count]')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
    return cells.reduce((a, b) => a + b, 0);
  }
}
