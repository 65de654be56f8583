/** Page object of the top bar: Train / Pause / Resume / Step / Stop, the run progress, Export, and the theme and language switches. */
import type { Locator, Page } from '@playwright/test';
import { hostFiles, type SavedFile } from '../support/host-files';
import { MESSAGES, type Language } from './messages';

export class TopBar {
  readonly root: Locator;
  readonly trainButton: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly stepButton: Locator;
  readonly stepEpochButton: Locator;
  readonly stopButton: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly numbers: Locator;
  readonly themeSelect: Locator;
  readonly languageSelect: Locator;
  readonly exportSelect: Locator;
  /** "All changes saved" once every edit has reached the host. */
  readonly workspaceStatus: Locator;
  /** The "✓ saved" / "✓ exported" notice after a model action (it fades after a few seconds). */
  readonly modelNotice: Locator;
  /** The ⋯ button of the overflow menu (present only when some controls do not fit on the bar). */
  readonly moreButton: Locator;
  /** The overflow menu's panel (a group named like its button). */
  readonly menu: Locator;
  /** Why Train is disabled (next to the button): no dataset, or the first invalid setting. */
  readonly trainBlockedReason: Locator;

  /** `language`: the UI language the bar is read in (buttons are found by their names in that catalog). */
  constructor(
    private readonly page: Page,
    language: Language = 'en',
  ) {
    const m = MESSAGES[language];
    this.root = page.getByRole('toolbar', { name: /Training controls|训练控制/ });
    this.trainButton = this.root.getByRole('button', { name: m['top.train'], exact: true });
    this.pauseButton = this.root.getByRole('button', { name: m['top.pause'], exact: true });
    this.resumeButton = this.root.getByRole('button', { name: m['top.resume'], exact: true });
    this.stepButton = this.root.getByRole('button', { name: m['top.step'], exact: true });
    this.stepEpochButton = this.root.getByRole('button', { name: m['top.stepEpoch'], exact: true });
    this.stopButton = this.root.getByRole('button', { name: m['top.stop'], exact: true });
    this.progress = this.root.getByRole('progressbar');
    this.status = this.root.getByTestId('run-status');
    this.numbers = this.root.getByTestId('run-numbers');
    this.themeSelect = this.root.getByTestId('theme-select');
    this.languageSelect = this.root.getByTestId('language-select');
    this.exportSelect = this.root.getByRole('combobox', { name: /^(Export…|导出…)$/ });
    this.workspaceStatus = this.root.getByTestId('workspace-status');
    this.modelNotice = this.root.getByTestId('model-notice');
    this.trainBlockedReason = this.root.getByTestId('train-blocked');
    this.moreButton = this.root.getByTestId('top-bar-more');
    this.menu = this.root.getByRole('group', { name: m['layout.more'] });
  }

  /** Open the overflow menu when `control` is in it (hidden in the closed menu) rather than on the bar. */
  async reveal(control: Locator): Promise<void> {
    if (await control.isVisible()) return;
    if ((await this.moreButton.isVisible()) && (await this.moreButton.getAttribute('aria-expanded')) !== 'true')
      await this.moreButton.click();
  }

  async train(): Promise<void> {
    await this.trainButton.click();
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
  }

  async resume(): Promise<void> {
    await this.resumeButton.click();
  }

  async step(): Promise<void> {
    await this.stepButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  async chooseTheme(mode: 'system' | 'light' | 'dark'): Promise<void> {
    await this.reveal(this.themeSelect);
    await this.themeSelect.selectOption(mode);
  }

  /** Open a model file through Open model… (the browser's file chooser, or the desktop's dialog). */
  async openModel(filePath: string): Promise<void> {
    const open = this.root.getByRole('button', { name: /^(Open model…|打开模型…)$/ });
    await this.reveal(open);
    await hostFiles(this.page).choose(filePath, () => open.click());
  }

  /** Pick an Export entry by its visible label; resolves with the file it saved (a download in both hosts). */
  async exportAs(label: string): Promise<SavedFile> {
    await this.reveal(this.exportSelect);
    return hostFiles(this.page).save(() => this.exportSelect.selectOption({ label }).then(() => undefined));
  }

  /** Save the active run's model through Save model (in the bar or its overflow menu); resolves with the file it saved. */
  async saveModel(): Promise<SavedFile> {
    const save = this.root.getByRole('button', { name: /^(Save model|保存模型)/ });
    await this.reveal(save);
    return hostFiles(this.page).save(() => save.click());
  }

  async chooseLanguage(language: 'en' | 'zh'): Promise<void> {
    await this.reveal(this.languageSelect);
    await this.languageSelect.selectOption(language);
  }

  /** The iteration shown in the progress numbers ("iteration 12/2400"). */
  async iteration(): Promise<number> {
    const match = /(\d+)\/(\d+|\?)/.exec((await this.numbers.textContent()) ?? '');
    return match ? Number(match[1]) : -1;
  }
}
