/** Page object of the Dataset panel: file picker, drag-and-drop, built-ins, the import wizard and the summary. */
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

  constructor(private readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Dataset', exact: true });
    this.openFileButton = this.root.getByRole('button', { name: 'Open file…' });
    this.builtinSelect = this.root.getByRole('combobox', { name: 'Built-in dataset' });
    this.loadButton = this.root.getByRole('button', { name: 'Load', exact: true });
    this.dropZone = this.root.getByTestId('drop-zone');
    this.name = this.root.getByTestId('dataset-name');
    this.shape = this.root.getByTestId('dataset-shape');
    this.wizard = this.root.getByRole('form', { name: /^Import / });
    this.preview = this.wizard.getByTestId('csv-preview');
    this.importButton = this.wizard.getByRole('button', { name: 'Import', exact: true });
    this.importError = this.wizard.getByTestId('import-error');
    this.problems = this.wizard.getByTestId('import-problems');
    this.columnStats = this.root.getByTestId('column-stats');
  }

  /** Open a file through the picker (the browser's file chooser, fed with `filePath`). */
  async openFile(filePath: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.openFileButton.click();
    await (await chooser).setFiles(filePath);
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
    await this.wizard.getByRole('combobox', { name: 'Label column' }).selectOption({ label: name });
  }

  async setDropInvalidRows(on: boolean): Promise<void> {
    await this.wizard.getByRole('checkbox', { name: 'Drop rows with missing or invalid values' }).setChecked(on);
  }

  async import(): Promise<void> {
    await this.importButton.click();
  }

  async loadBuiltin(name: string): Promise<void> {
    await this.builtinSelect.selectOption(name);
    await this.loadButton.click();
  }

  async showColumnStatistics(): Promise<void> {
    await this.root.getByText('Column statistics').click();
  }
}
