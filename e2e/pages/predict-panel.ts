/** Page object of the Predict tab: take the selected run's model, type feature values, predict, predict a CSV through the file picker. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './views/view-tab';
import { hostFiles, type SavedFile } from '../support/host-files';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class PredictPanel extends ViewTab {
  readonly modelName: Locator;
  readonly predicted: Locator;
  readonly problem: Locator;
  readonly probabilities: Locator;
  readonly predictedRow: Locator;
  readonly fileRows: Locator;
  readonly saveCsvButton: Locator;
  readonly recentModels: Locator;
  readonly recentProblem: Locator;
  private readonly m: Messages;

  /** `language`: the UI language the tab is read in (the fillers and recent models are found by their names in that catalog). */
  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    super(page, MESSAGES[language]['tab.predict']);
    const m = (this.m = MESSAGES[language]);
    this.modelName = this.root.getByTestId('predict-model-name');
    this.predicted = this.root.getByTestId('predicted');
    this.problem = this.root.getByTestId('predict-problem');
    this.probabilities = this.root.getByRole('table', { name: m['predict.probabilities'] }).getByTestId('probability');
    this.predictedRow = this.root.getByRole('table', { name: m['predict.probabilities'] }).locator('tr[aria-current="true"]');
    this.fileRows = this.root.getByTestId('file-prediction-row');
    this.saveCsvButton = this.root.getByRole('button', { name: 'Save predictions CSV' });
    this.recentModels = this.root.getByRole('heading', { name: m['predict.recent'] });
    this.recentProblem = this.root.getByTestId('recent-problem');
  }

  /** An input of the form, by its feature name. */
  feature(name: string): Locator {
    return this.root.getByRole('form', { name: this.m['predict.inputs'] }).getByRole('textbox', { name, exact: true });
  }

  /** Fill the form from row `n` (1-based) of the loaded dataset. */
  async useDatasetRow(n: number): Promise<void> {
    const field = this.root.getByTestId('predict-row-number');
    await field.fill(String(n));
    await field.blur();
    await this.root.getByRole('button', { name: this.m['predict.useRow'] }).click();
  }

  async pasteRow(text: string): Promise<void> {
    await this.root.getByRole('textbox', { name: this.m['predict.paste'] }).fill(text);
    await this.root.getByRole('button', { name: this.m['predict.fillPasted'] }).click();
  }

  /** Open a model file through the picker (browser or desktop dialog), answered with `filePath`. */
  async openModelFile(filePath: string): Promise<void> {
    await hostFiles(this.page).choose(filePath, () =>
      this.root.getByRole('button', { name: this.m['predict.openModel'] }).click(),
    );
  }

  /** Reopen a recent model by its file name (one click). */
  async reopenRecent(name: string): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'predict.reopen', { name }) }).click();
  }

  async useSelectedRun(): Promise<void> {
    await this.root.getByRole('button', { name: 'Use the selected run' }).click();
  }

  async fillFeature(name: string, value: string): Promise<void> {
    await this.root.getByRole('textbox', { name, exact: true }).fill(value);
  }

  async predict(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['predict.predict'], exact: true }).click();
  }

  /** Predict a CSV file chosen through the file picker (browser or desktop dialog), answered with `filePath`. */
  async predictCsv(filePath: string): Promise<void> {
    await hostFiles(this.page).choose(filePath, () => this.root.getByRole('button', { name: 'Predict a CSV…' }).click());
  }

  /** Save the shown file's predictions; resolves with the saved CSV (the browser's download, or the desktop's file). */
  async saveCsv(): Promise<SavedFile> {
    return hostFiles(this.page).save(() => this.saveCsvButton.click());
  }

  /** The class probabilities at full precision (each cell's data-value; the text is rounded). */
  async probabilityValues(): Promise<number[]> {
    return (await this.probabilities.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value')))).map(Number);
  }
}
