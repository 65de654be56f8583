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
