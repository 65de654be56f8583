/** Opening one of the centre tabs of the insight views and locating its panel. */
import type { Locator, Page } from '@playwright/test';

/** The tab panel named `name` (its tab's label); `open` selects the tab. */
export function viewTab(page: Page, name: string): { panel: Locator; open: () => Promise<void> } {
  return {
    panel: page.getByRole('tabpanel', { name }),
    open: () => page.getByRole('tab', { name, exact: true }).click(),
  };
}
