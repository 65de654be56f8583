/** Page object of the Graph tab, in either UI language: the scalar graph lab (type, preset, values, stepping) and the network graph. */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';
import { ViewTab } from './view-tab';

export type Language = 'en' | 'zh';
type Key = keyof typeof en;

export class GraphView extends ViewTab {
  readonly scalarGraph: Locator;
  readonly output: Locator;
  readonly stepExplanation: Locator;
  readonly stepRule: Locator;
  readonly chainRows: Locator;
  readonly expressionError: Locator;
  readonly sigmoidComparison: Locator;
  readonly edgeChecks: Locator;
  readonly networkGraph: Locator;
  readonly networkStep: Locator;
  readonly nodeCards: Locator;
  readonly loss: Locator;
  readonly biasSum: Locator;
  readonly heatmaps: Locator;
  private readonly text: (key: Key) => string;

  constructor(page: Page, language: Language = 'en') {
    const table = language === 'en' ? en : zh;
    super(page, table['tab.graph']);
    this.text = (key) => table[key];
    this.scalarGraph = this.root.getByTestId('scalar-graph');
    this.output = this.root.getByTestId('scalar-total');
    this.stepExplanation = this.root.getByTestId('step-explanation');
    this.stepRule = this.root.getByTestId('step-rule');
    this.chainRows = this.root.getByTestId('chain-row');
    this.expressionError = this.root.getByTestId('expression-error');
    this.sigmoidComparison = this.root.getByTestId('sigmoid-compare');
    this.edgeChecks = this.root.getByTestId('edge-checks');
    this.networkGraph = this.root.getByTestId('network-graph');
    this.networkStep = this.root.getByTestId('network-step');
    this.nodeCards = this.root.getByTestId('node-card');
    this.loss = this.root.getByTestId('trace-loss');
    this.biasSum = this.networkGraph.getByTestId('bias-sum');
    this.heatmaps = this.root.getByTestId('tensor-heatmap');
  }

  private button(key: Key): Locator {
    return this.root.getByRole('button', { name: this.text(key), exact: true });
  }

  async switchToScalar(): Promise<void> {
    await this.root.getByRole('radio', { name: this.text('graph.mode.scalar') }).check();
  }

  async switchToNetwork(): Promise<void> {
    await this.root.getByRole('radio', { name: this.text('graph.mode.network') }).check();
  }

  async switchToMatrix(): Promise<void> {
    await this.root.getByRole('radio', { name: this.text('graph.mode.matrix') }).check();
  }

  async chooseMatrixGraph(which: 'affine' | 'softmax'): Promise<void> {
    await this.root.getByRole('combobox', { name: this.text('graph.matrix.which') }).selectOption(which);
  }

  /** The cells of the matrix card named `name` (e.g. '∂L/∂B'). */
  matrixCells(name: string): Locator {
    return this.root.locator(`[data-testid="matrix-tensor"][data-name="${name}"] .cells span`);
  }

  async typeExpression(expression: string): Promise<void> {
    await this.root.getByRole('textbox', { name: this.text('graph.expression') }).fill(expression);
    await this.button('graph.build').click();
  }

  async choosePreset(id: 'apples' | 'fruit' | 'chain' | 'sigmoid'): Promise<void> {
    await this.root.getByRole('combobox', { name: this.text('graph.preset') }).selectOption(id);
  }

  async setValue(name: string, value: number): Promise<void> {
    const field = this.root.getByRole('textbox', { name, exact: true });
    await field.fill(String(value));
    await field.press('Enter');
  }

  async next(): Promise<void> {
    await this.button('graph.next').click();
  }

  async previous(): Promise<void> {
    await this.button('graph.previous').click();
  }

  async reset(): Promise<void> {
    await this.button('graph.reset').click();
  }

  async showAll(): Promise<void> {
    await this.button('graph.showAll').click();
  }

  async play(): Promise<void> {
    await this.button('graph.play').click();
  }

  async showEdgeChecks(): Promise<void> {
    await this.root.getByText(this.text('graph.check.title')).click();
  }

  /** The ∂output/∂name shown beside a variable's value ('—' until the backward pass reaches it). */
  gradientOf(name: string): Locator {
    return this.root.getByTestId(`grad-${name}`);
  }

  /** The red gradient(s) drawn under the edge(s) leaving variable `name`. */
  edgeGradientOf(name: string): Locator {
    return this.scalarGraph.locator(`[data-grad-of="${name}"]`);
  }

  async traceRow(row: number, batch = 1): Promise<void> {
    await this.root.getByRole('spinbutton', { name: this.text('graph.row') }).fill(String(row));
    await this.root.getByRole('spinbutton', { name: this.text('graph.batch') }).fill(String(batch));
    await this.button('graph.trace').click();
  }

  async zoomIn(): Promise<void> {
    await this.button('graph.zoomIn').click();
  }

  async zoomToFit(): Promise<void> {
    await this.button('graph.fit').click();
  }

  /** Show the heatmap of the first tensor card that has one (small tensors list their values). */
  async showFirstHeatmap(): Promise<void> {
    await this.nodeCards
      .getByRole('checkbox', { name: this.text('graph.heatmap') })
      .first()
      .check();
  }

  /** The gradient text under network edge `edge` (0 = the input edge). */
  backwardText(edge: number): Locator {
    return this.networkGraph.locator(`[data-backward="${edge}"]`);
  }
}
