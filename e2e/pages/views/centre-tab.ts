/** Page object of any centre tab found by its catalog key, for journeys that only open it and read it. */
import type { Page } from '@playwright/test';
import { ViewTab } from './view-tab';
import { MESSAGES, type Language, type Messages } from '../messages';

export type TabKey = Extract<keyof Messages, `tab.${string}`>;

export class CentreTab extends ViewTab {
  constructor(page: Page, key: TabKey, language: Language = 'en') {
    super(page, MESSAGES[language][key]);
  }
}
