/**
 * chart.js for jsdom, which has no canvas (STACK.md): a Chart that records what it was last given and how often it was
 * redrawn, so component tests can check data, axis titles and the redraw budget. Real charts are checked in the e2e specs.
 */
interface Axis {
  type?: string;
  title?: { display?: boolean; text?: string; color?: string };
  ticks?: { color?: string; callback?: (value: number | string) => string };
}

export interface StubOptions {
  scales?: { x?: Axis; y?: Axis };
  plugins?: { legend?: { labels?: { color?: string } } };
}

export interface StubDataset {
  type?: string;
  label?: string;
  data: unknown[];
  backgroundColor?: string | string[];
  borderDash?: number[];
}

export class Chart {
  /** Every chart created since the last reset, oldest first. */
  static instances: Chart[] = [];
  static register(): void {}
  data: { labels?: string[]; datasets: StubDataset[] };
  options: StubOptions;
  /** Redraws (chart.update calls). */
  updates = 0;
  /** A fixed plot area and x range (the chart reports them for clicks in e2e). */
  chartArea = { left: 0, right: 100, top: 0, bottom: 100 };
  scales = { x: { min: 0, max: 1 } };
  /** Clicks are checked in the e2e specs: no point is ever hit here. */
  getElementsAtEventForMode(): { datasetIndex: number; index: number }[] {
    return [];
  }
  destroyed = false;

  constructor(
    readonly canvas: unknown,
    config: { type: string; data: { labels?: string[]; datasets: StubDataset[] }; options: StubOptions },
  ) {
    this.data = config.data;
    this.options = config.options;
    Chart.instances.push(this);
  }

  update(): void {
    this.updates++;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export const BarController = {};
export const BarElement = {};
export const CategoryScale = {};
export const LineController = {};
export const LineElement = {};
export const PointElement = {};
export const LinearScale = {};
export const LogarithmicScale = {};
export const Legend = {};
export const Tooltip = {};
