/** Page object of the Gradient check tab: run a check and read its per-parameter figures. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';
import { MESSAGES, type Language } from '../messages';

export class GradientCheckView extends ViewTab {
  readonly samplesInput: Locator;
  readonly runButton: Locator;
  readonly verdict: Locator;
  readonly table: Locator;
  readonly chart: Locator;
  readonly histogram: Locator;
  readonly heatmap: Locator;
  readonly worst: Locator;

  /** `name`: the tab's label in the window's language; `language`: the catalog its controls are found by. */
  constructor(page: Page, name = 'Gradient check', language: Language = 'en') {
    super(page, name);
    this.samplesInput = this.root.getByLabel(MESSAGES[language]['views.samples']);
    this.runButton = this.root.getByRole('button', { name: MESSAGES[language]['views.runCheck'] });
    this.verdict = this.root.getByTestId('gradcheck-verdict');
    this.table = this.root.getByTestId('gradcheck-table');
    this.chart = this.root.getByTestId('gradcheck-chart');
    this.histogram = this.root.getByTestId('gradcheck-histogram');
    this.heatmap = this.root.getByTestId('gradcheck-heatmap');
    this.worst = this.root.getByTestId('gradcheck-worst');
  }

  async runCheck(samples: number): Promise<void> {
    await this.samplesInput.fill(String(samples));
    await this.runButton.click();
  }

  /** The table's button of the parameter whose tensor is `name` ("layers.2.W"; the button reads "L3.W", its layer number). */
  parameterButton(name: string): Locator {
    return this.table.locator(`tr[data-param="${name}"]`).getByRole('button');
  }

  async selectParameter(name: string): Promise<void> {
    await this.parameterButton(name).click();
  }

  /** The table's figures per parameter, as displayed: { name: { maxRel, meanAbs } }. */
  async figures(): Promise<Record<string, { maxRel: string; meanAbs: string }>> {
    const rows = this.table.locator('tbody tr');
    const out: Record<string, { maxRel: string; meanAbs: string }> = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const name = (await row.getAttribute('data-param')) ?? '';
      out[name] = {
        maxRel: (await row.locator('[data-cell="maxRel"]').textContent()) ?? '',
        meanAbs: (await row.locator('[data-cell="meanAbs"]').textContent()) ?? '',
      };
    }
    return out;
  }
}
