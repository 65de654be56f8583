/** Page object of the Dataset panel: file picker, drag-and-drop, built-ins, the import wizard, the idx pair prompt and the summary. */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hostFiles } from '../support/host-files';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class DatasetPanel {
  readonly root: Locator;
  readonly openFileButton: Locator;
  readonly builtinSelect: Locator;
  readonly loadButton: Locator;
  readonly dropZone: Locator;
  readonly name: Locator;
  readonly shape: Locator;
  readonly wizard: Locator;
  readonly preview: Locator;
  readonly importButton: Locator;
  readonly importError: Locator;
  readonly problems: Locator;
  readonly columnStats: Locator;
  readonly openIdxPairButton: Locator;
  readonly idxPrompt: Locator;
  readonly chooseIdxLabelsButton: Locator;
  readonly idxError: Locator;
  readonly skipSuggestion: Locator;
  readonly taskOutcome: Locator;
  readonly headerBasis: Locator;
  readonly invalidCells: Locator;
  readonly normalizeSelect: Locator;
  /** The feature-scale warning (ranges > 100× apart while Normalization is None). */
  readonly scaleWarning: Locator;
  private readonly m: Messages;

  /** `language`: the UI language the panel is read in (its controls are found by their names in that catalog). */
  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    const m = (this.m = MESSAGES[language]);
    this.root = page.getByRole('region', { name: m['dataset.heading'], exact: true });
    this.openFileButton = this.root.getByRole('button', { name: m['dataset.openFile'] });
    this.builtinSelect = this.root.getByRole('combobox', { name: m['dataset.builtin'] });
    this.loadButton = this.root.getByRole('button', { name: m['dataset.load'], exact: true });
    this.dropZone = this.root.getByTestId('drop-zone');
    this.name = this.root.getByTestId('dataset-name');
    this.shape = this.root.getByTestId('dataset-shape');
    this.wizard = this.root.getByRole('form', { name: new RegExp(`^${say(m, 'wizard.heading', { file: '' }).trim()}`) });
    this.preview = this.wizard.getByTestId('csv-preview');
    this.importButton = this.wizard.getByRole('button', { name: m['wizard.import'], exact: true });
    this.importError = this.wizard.getByTestId('import-error');
    this.problems = this.wizard.getByTestId('import-problems');
    this.columnStats = this.root.getByTestId('column-stats');
    this.openIdxPairButton = this.root.getByRole('button', { name: 'Open MNIST idx pair…' });
    this.idxPrompt = this.root.getByTestId('idx-prompt');
    this.chooseIdxLabelsButton = this.root.getByRole('button', { name: 'Choose labels file…' });
    this.idxError = this.root.getByTestId('idx-import-error');
    this.skipSuggestion = this.wizard.getByTestId('skip-suggestion');
    this.taskOutcome = this.wizard.getByTestId('task-outcome');
    this.headerBasis = this.wizard.getByTestId('header-basis');
    this.invalidCells = this.preview.locator('td[data-invalid="true"]');
    this.normalizeSelect = this.root.getByRole('combobox', { name: m['dataset.normalize'], exact: true });
    this.scaleWarning = this.root.getByTestId('scale-warning');
  }

  /** A preview cell by its text (the first one holding exactly `text`). */
  previewCell(text: string): Locator {
    return this.preview.getByRole('cell', { name: text, exact: true }).first();
  }

  async acceptSkipSuggestion(): Promise<void> {
    await this.skipSuggestion.getByRole('button').click();
  }

  async chooseHeader(choice: 'auto' | 'yes' | 'no'): Promise<void> {
    await this.wizard.getByRole('combobox', { name: this.m['wizard.header'] }).selectOption(choice);
  }

  async chooseQuote(choice: '"' | "'" | 'none'): Promise<void> {
    await this.wizard.getByRole('combobox', { name: this.m['wizard.quote'], exact: true }).selectOption(choice);
  }

  async chooseDelimiter(choice: ',' | ';' | '\t'): Promise<void> {
    await this.wizard.getByRole('combobox', { name: this.m['wizard.delimiter'] }).selectOption(choice);
  }

  async setSkipLines(lines: number): Promise<void> {
    const field = this.wizard.getByRole('textbox', { name: this.m['wizard.skipLines'] });
    await field.fill(String(lines));
    await field.blur();
  }

  /** Click the line number of the `index`-th problem row: the preview scrolls to its cell and focuses it. */
  async jumpToProblem(index: number): Promise<void> {
    await this.problems
      .getByRole('row')
      .nth(index + 1)
      .getByRole('button')
      .click();
  }

  /** Open a file through the picker (the browser's file chooser, or the desktop's open dialog), answered with `filePath`. */
  async openFile(filePath: string): Promise<void> {
    await hostFiles(this.page).choose(filePath, () => this.openFileButton.click());
  }

  /** Choose the idx labels file the panel asks for after an idx images file (the second file picker). */
  async chooseIdxLabelsFile(filePath: string): Promise<void> {
    await hostFiles(this.page).choose(filePath, () => this.chooseIdxLabelsButton.click());
  }

  /** Import an idx pair through the explicit "Open MNIST idx pair…" button: images first, then labels. */
  async openIdxPair(imagesPath: string, labelsPath: string): Promise<void> {
    await hostFiles(this.page).choose(imagesPath, () => this.openIdxPairButton.click());
    await this.chooseIdxLabelsFile(labelsPath);
  }

  /** Drop a file on the drop zone, as a user dragging it from the desktop would. */
  async dropFile(filePath: string): Promise<void> {
    const bytes = [...readFileSync(filePath)];
    const name = path.basename(filePath);
    const transfer = await this.page.evaluateHandle(
      ({ bytes, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
        return data;
      },
      { bytes, name },
    );
    await this.dropZone.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.dropZone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  async chooseLabelColumn(name: string): Promise<void> {
    await this.wizard.getByRole('combobox', { name: this.m['wizard.label'] }).selectOption({ label: name });
  }

  async setDropInvalidRows(on: boolean): Promise<void> {
    await this.wizard.getByRole('checkbox', { name: this.m['wizard.dropInvalid'] }).setChecked(on);
  }

  async import(): Promise<void> {
    await this.importButton.click();
  }

  /** Close the import wizard without importing (its Cancel button). */
  async cancelImport(): Promise<void> {
    await this.wizard.getByRole('button', { name: this.m['wizard.cancel'], exact: true }).click();
  }

  async loadBuiltin(name: string): Promise<void> {
    await this.builtinSelect.selectOption(name);
    await this.loadButton.click();
  }

  /** The scale warning's one-click switch to z-score normalization. */
  async useZscore(): Promise<void> {
    await this.scaleWarning.getByRole('button', { name: this.m['scale.useZscore'], exact: true }).click();
  }

  async showColumnStatistics(): Promise<void> {
    await this.root.getByText('Column statistics').click();
  }

  async chooseNormalization(kind: 'none' | 'minmax' | 'zscore'): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['dataset.normalize'] }).selectOption(kind);
  }
}
