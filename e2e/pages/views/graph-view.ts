/** Page object of the Graph tab: trace a sample and step through it, or edit the scalar shopping graph. */
import type { Locator, Page } from '@playwright/test';
import { ViewTab } from './view-tab';

export class GraphView extends ViewTab {
  readonly graph: Locator;
  readonly nodeCards: Locator;
  readonly loss: Locator;
  readonly scalarGraph: Locator;
  readonly scalarTotal: Locator;

  constructor(page: Page) {
    super(page, 'Graph');
    this.graph = this.root.getByTestId('network-graph');
    this.nodeCards = this.root.getByTestId('node-card');
    this.loss = this.root.getByTestId('trace-loss');
    this.scalarGraph = this.root.getByTestId('scalar-graph');
    this.scalarTotal = this.root.getByTestId('scalar-total');
  }

  async traceRow(row: number): Promise<void> {
    await this.root.getByLabel('Sample row').fill(String(row));
    await this.root.getByRole('button', { name: 'Trace sample' }).click();
  }

  async stepForward(): Promise<void> {
    await this.root.getByRole('button', { name: 'Step forward' }).click();
  }

  async stepBackward(): Promise<void> {
    await this.root.getByRole('button', { name: 'Step backward' }).click();
  }

  async showAll(): Promise<void> {
    await this.root.getByRole('button', { name: 'Show all' }).click();
  }

  /** The gradient text under edge `edge` (0 = the input edge). */
  backwardText(edge: number): Locator {
    return this.graph.locator(`[data-backward="${edge}"]`);
  }

  async switchToScalar(): Promise<void> {
    await this.root.getByLabel('Scalar (apples)').check();
  }

  async setScalarInput(label: string, value: number): Promise<void> {
    await this.root.getByLabel(label, { exact: true }).fill(String(value));
  }

  /** The gradient shown under the scalar edge from → to. */
  scalarGrad(from: string, to: string): Locator {
    return this.scalarGraph.locator(`[data-grad="${from}-${to}"]`);
  }
}
