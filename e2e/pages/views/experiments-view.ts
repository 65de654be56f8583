/** Page object of the Experiments tab: choose a preset, set its parameters and seed, run it, read its status and summary figures. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';
import { MESSAGES } from '../messages';

/** The words of the tab in each UI language (what a user reads on its buttons). */
const WORDS = {
  en: { tab: 'Experiments', run: 'Run', cancel: 'Cancel', seed: 'Seed', useTrial: 'Train this one' },
  zh: { tab: '实验', run: '运行', cancel: '取消', seed: '随机种子', useTrial: '用这组参数训练' },
} as const;

export class ExperimentsView extends ViewTab {
  readonly status: Locator;
  readonly summary: Locator;
  readonly explanation: Locator;
  readonly pathsFigure: Locator;
  readonly pathsStep: Locator;
  readonly histograms: Locator;
  /** "Added … to the runs." after Add to runs. */
  readonly addedNotice: Locator;
  private readonly words: (typeof WORDS)[keyof typeof WORDS];
  private readonly language: keyof typeof WORDS;

  constructor(page: Page, language: keyof typeof WORDS = 'en') {
    super(page, WORDS[language].tab);
    this.words = WORDS[language];
    this.status = this.root.getByTestId('experiment-status');
    this.summary = this.root.getByTestId('experiment-summary');
    this.explanation = this.root.getByTestId('experiment-explanation');
    this.pathsFigure = this.root.getByTestId('paths-figure');
    this.pathsStep = this.root.getByTestId('paths-step');
    this.histograms = this.root.getByTestId('histogram-figure');
    this.addedNotice = this.root.getByTestId('add-run-done');
    this.language = language;
  }

  /** Keep finished cell `cell` ("Adam", "trial 2") as a run: pick it, press Add to runs. */
  async addToRuns(cell: string): Promise<void> {
    const m = MESSAGES[this.language];
    const panel = this.root.getByTestId('add-to-runs');
    await panel.getByRole('combobox', { name: m['elsewhere.addRun.cell'], exact: true }).selectOption({ label: cell });
    await panel.getByRole('button', { name: m['elsewhere.addRun.button'], exact: true }).click();
  }

  async choose(name: string): Promise<void> {
    await this.root.getByTestId('experiment-select').selectOption(name);
  }

  async setParam(key: string, value: number): Promise<void> {
    const field = this.root.getByTestId(`param-${key}`);
    await field.fill(String(value));
    await field.press('Tab');
  }

  async setSeed(seed: number): Promise<void> {
    const field = this.root.getByLabel(this.words.seed, { exact: true });
    await field.fill(String(seed));
    await field.press('Tab');
  }

  async run(): Promise<void> {
    await this.root.getByRole('button', { name: this.words.run, exact: true }).click();
  }

  /** Press "Train this one" on a trial of the hyperparameter search ("trial 2"). */
  async trainTrial(trial: string): Promise<void> {
    await this.root.getByRole('button', { name: `${this.words.useTrial}: ${trial}`, exact: true }).click();
  }

  /** The text of the summary figure named `key` (6 significant digits). */
  async figure(key: string): Promise<string> {
    return (await this.summary.locator(`tr[data-key="${key}"] td`).textContent()) ?? '';
  }

  /** Every summary figure's key, in table order. */
  async figureKeys(): Promise<string[]> {
    return this.summary.locator('tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
  }
}
