/** Page object of the Architecture panel: the layer list, presets, add/remove/move/duplicate, undo/redo, parameter count. */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, say, type Language, type Messages } from './messages';

export class ArchitecturePanel {
  readonly root: Locator;
  readonly layers: Locator;
  readonly parameterCount: Locator;
  readonly errors: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  /** Each layer's type list, in order. */
  readonly layerTypeSelects: Locator;
  private readonly m: Messages;

  /** `language`: the UI language the panel is read in. */
  constructor(page: Page, language: Language = 'en') {
    const m = (this.m = MESSAGES[language]);
    this.root = page.getByRole('region', { name: m['arch.heading'], exact: true });
    this.layers = this.root.getByTestId('layer-row');
    this.parameterCount = this.root.getByTestId('parameter-count');
    this.errors = this.root.getByTestId('architecture-error');
    this.undoButton = this.root.getByRole('button', { name: m['arch.undo'], exact: true });
    this.redoButton = this.root.getByRole('button', { name: m['arch.redo'], exact: true });
    this.layerTypeSelects = this.root.getByTestId('layer-type');
  }

  async addLayer(type: string): Promise<void> {
    await this.root.getByRole('combobox', { name: this.m['arch.addType'], exact: true }).selectOption(type);
    await this.root.getByRole('button', { name: this.m['arch.add'], exact: true }).click();
  }

  /** Select a layer by its number button (Add layer then inserts after it); `index` is 1-based. */
  async selectLayer(index: number): Promise<void> {
    await this.selectButton(index).click();
  }

  /** The number button of layer `index` (pressed while the layer is selected). */
  selectButton(index: number): Locator {
    return this.root.getByRole('button', { name: say(this.m, 'arch.select', { index }), exact: true });
  }

  /** `index` is 1-based, as the list shows it. */
  async removeLayer(index: number): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'arch.remove', { index }), exact: true }).click();
  }

  async duplicateLayer(index: number): Promise<void> {
    await this.root.getByRole('button', { name: say(this.m, 'arch.duplicate', { index }), exact: true }).click();
  }

  async moveLayerUp(index: number): Promise<void> {
    await this.root.getByRole('button', { name: `Move layer ${index} up`, exact: true }).click();
  }

  async setUnits(layerIndex: number, units: string): Promise<void> {
    const field = this.layers.nth(layerIndex - 1).getByRole('textbox', { name: 'Units' });
    await field.fill(units);
    await field.press('Enter');
    await field.blur();
  }

  async applyPreset(name: 'twoLayer' | 'deep' | 'default2d'): Promise<void> {
    await this.presetSelect().selectOption(name);
  }

  presetSelect(): Locator {
    return this.root.getByRole('combobox', { name: this.m['arch.preset'], exact: true });
  }

  async undo(): Promise<void> {
    await this.undoButton.click();
  }

  async redo(): Promise<void> {
    await this.redoButton.click();
  }

  /** The layer the editor shows with `number` (1-based), found by the number printed on its row. */
  layerNumbered(number: number): Locator {
    return this.layers.filter({ has: this.root.page().getByTestId('layer-number').getByText(String(number), { exact: true }) });
  }

  /** The type of the layer the editor shows with `number` (its type select is named by that number too). */
  async typeOfLayer(number: number): Promise<string> {
    return this.layerNumbered(number)
      .getByRole('combobox', { name: say(this.m, 'arch.layerType', { index: number }), exact: true })
      .inputValue();
  }

  /** The layer types in order. */
  async layerTypes(): Promise<string[]> {
    return this.root.getByTestId('layer-type').evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value));
  }

  /** The parameter count as a number ("1,234 parameters" → 1234). */
  async parameters(): Promise<number> {
    return Number(((await this.parameterCount.textContent()) ?? '').replace(/[^\d]/g, ''));
  }
}
