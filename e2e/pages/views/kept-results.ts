/**
 * Page objects of the tabs whose results stay put, in either UI language: compute a result in Confusion, Gradient check,
 * the network Graph, Diagnostics and Predict, and read it with its stale notice ("from run N at epoch E; … — Recompute").
 */
import type { Locator, Page } from '@playwright/test';
import { MESSAGES, type Language, type Messages } from '../messages';
import { ViewTab } from './view-tab';

/** A tab with a kept result and its stale notice. */
abstract class KeptResultTab extends ViewTab {
  readonly notice: Locator;
  protected readonly m: Messages;

  constructor(page: Page, language: Language, tab: keyof Messages) {
    super(page, MESSAGES[language][tab]);
    this.m = MESSAGES[language];
    this.notice = this.root.getByTestId('stale-notice');
  }

  async recompute(): Promise<void> {
    await this.notice.getByRole('button', { name: this.m['results.recompute'] }).click();
  }
}

export class ConfusionTab extends KeptResultTab {
  readonly matrix: Locator;

  constructor(page: Page, language: Language = 'en') {
    super(page, language, 'tab.confusion');
    this.matrix = this.root.getByTestId('confusion-matrix');
  }

  async evaluate(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['views.evaluate'] }).click();
  }
}

export class GradientCheckTab extends KeptResultTab {
  readonly verdict: Locator;

  constructor(page: Page, language: Language = 'en') {
    super(page, language, 'tab.gradcheck');
    this.verdict = this.root.getByTestId('gradcheck-verdict');
  }

  async runCheck(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['views.runCheck'] }).click();
  }
}

export class NetworkTraceTab extends KeptResultTab {
  readonly meta: Locator;

  constructor(page: Page, language: Language = 'en') {
    super(page, language, 'tab.graph');
    this.meta = this.root.getByTestId('trace-meta');
  }

  /** Trace a training row through the selected run's weights. */
  async traceRunWeights(): Promise<void> {
    await this.root.getByRole('radio', { name: this.m['graph.mode.network'] }).check();
    await this.root.getByRole('combobox', { name: this.m['graph.weights'] }).selectOption('run');
    await this.root.getByRole('button', { name: this.m['graph.trace'] }).click();
  }
}

export class DiagnosticsTab extends KeptResultTab {
  readonly layers: Locator;

  constructor(page: Page, language: Language = 'en') {
    super(page, language, 'tab.diagnostics');
    this.layers = this.root.getByTestId('layer-diagnostics');
  }
}

export class PredictTab extends KeptResultTab {
  readonly predicted: Locator;
  private readonly form: Locator;

  constructor(page: Page, language: Language = 'en') {
    super(page, language, 'tab.predict');
    this.predicted = this.root.getByTestId('predicted');
    this.form = this.root.getByRole('form', { name: this.m['predict.inputs'] });
  }

  async useSelectedRun(): Promise<void> {
    await this.root.getByRole('button', { name: this.m['predict.useRun'] }).click();
  }

  /** Type `values` into the features in order and predict. */
  async predictValues(values: string[]): Promise<void> {
    const fields = this.form.getByRole('textbox');
    for (const [i, value] of values.entries()) await fields.nth(i).fill(value);
    await this.form.getByRole('button', { name: this.m['predict.predict'], exact: true }).click();
  }
}
