/** Page object of the Confusion tab: evaluate a split and read the matrix. */
import type { Locator, Page } from '@playwright/test';
import { viewTab } from './view-tab';

export class ConfusionView {
  readonly root: Locator;
  readonly matrix: Locator;
  readonly precisionRecall: Locator;
  readonly accuracy: Locator;
  private readonly tab;

  constructor(page: Page) {
    this.tab = viewTab(page, 'Confusion');
    this.root = this.tab.panel;
    this.matrix = this.root.getByTestId('confusion-matrix');
    this.precisionRecall = this.root.getByTestId('precision-recall');
    this.accuracy = this.root.getByTestId('confusion-accuracy');
  }

  async open(): Promise<void> {
    await this.tab.open();
  }

  async evaluate(split: 'validation' | 'test' | 'train'): Promise<void> {
    await this.root.getByLabel('Split').selectOption(split);
    await this.root.getByRole('button', { name: 'Evaluate' }).click();
  }

  /** Sum of every count in the matrix. */
  async total(): Promise<number> {
    const cells = await this.matrix.locator('td[data-count]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
    return cells.reduce((a, b) => a + b, 0);
  }
}
