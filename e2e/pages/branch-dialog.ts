/** Page object of "Branch from epoch k": the epoch menu a click on a curve opens, and the branch dialog, in English or 中文. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class BranchDialog {
  readonly root: Locator;
  /** What the dialog says about the checkpoint it will use (data-epoch: that checkpoint's epoch). */
  readonly checkpoint: Locator;
  readonly epochMenu: Locator;
  private readonly m: Messages;

  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    this.m = MESSAGES[language];
    this.root = page.getByTestId('branch-dialog');
    this.checkpoint = this.root.getByTestId('branch-checkpoint');
    this.epochMenu = page.getByTestId('epoch-menu');
  }

  /** Click epoch `epoch` on a per-epoch chart (found by test id), then "Branch from epoch k" in the menu it opens. */
  async openFromChart(chartTestId: string, epoch: number): Promise<void> {
    const chart = this.page.getByTestId(chartTestId);
    const read = async (name: string) => Number(await chart.getAttribute(`data-${name}`));
    const [left, right, top, bottom, min, max] = await Promise.all(
      ['plot-left', 'plot-right', 'plot-top', 'plot-bottom', 'x-min', 'x-max'].map(read),
    );
    const x = left + ((epoch - min) / (max - min)) * (right - left);
    await chart.click({ position: { x, y: (top + bottom) / 2 } });
    await this.epochMenu.getByRole('menuitem', { name: say(this.m, 'branch.fromEpoch', { epoch }) }).click();
  }

  async setLearningRate(rate: string): Promise<void> {
    const field = this.root.getByRole('textbox', { name: this.m['train.learningRate'], exact: true });
    await field.fill(rate);
    await field.blur();
  }

  async start(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['branch.start'], exact: true }).click();
  }
}
