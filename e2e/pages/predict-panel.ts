/** Page object of the Predict tab: take the selected run's model, type feature values, predict, predict a CSV through the file picker. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './views/view-tab';
import { hostFiles, type SavedFile } from '../support/host-files';

export class PredictPanel extends ViewTab {
  readonly modelName: Locator;
  readonly predicted: Locator;
  readonly problem: Locator;
  readonly probabilities: Locator;
  readonly predictedRow: Locator;
  readonly fileRows: Locator;
  readonly saveCsvButton: Locator;
  readonly recentModels: Locator;

  constructor(private readonly page: Page) {
    super(page, 'Predict');
    this.modelName = this.root.getByTestId('predict-model-name');
    this.predicted = this.root.getByTestId('predicted');
    this.problem = this.root.getByTestId('predict-problem');
    this.probabilities = this.root.getByRole('table', { name: 'Class probabilities' }).getByTestId('probability');
    this.predictedRow = this.root.getByRole('table', { name: 'Class probabilities' }).locator('tr[aria-current="true"]');
    this.fileRows = this.root.getByTestId('file-prediction-row');
    this.saveCsvButton = this.root.getByRole('button', { name: 'Save predictions CSV' });
    this.recentModels = this.root.getByRole('heading', { name: 'Recent models' });
  }

  async useSelectedRun(): Promise<void> {
    await this.root.getByRole('button', { name: 'Use the selected run' }).click();
  }

  async fillFeature(name: string, value: string): Promise<void> {
    await this.root.getByRole('textbox', { name, exact: true }).fill(value);
  }

  async predict(): Promise<void> {
    await this.root.getByRole('button', { name: 'Predict', exact: true }).click();
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
