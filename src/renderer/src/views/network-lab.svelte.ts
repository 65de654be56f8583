/**
 * State of the Network graph (held by Studio): the traced sample, the step of the forward/backward walk, and the
 * zoom/pan of the figure (null = zoomed to fit the pane).
 */
import type { GraphTrace } from '../../../shared/insight';
import { netNodes, netSteps, netVisibility } from './graph-steps';
import type { Provenance } from './state/provenance';

export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class NetworkLab {
  row = $state(7);
  /** Rows traced together (1: one sample; more: a batch, whose db sums over the rows). */
  batch = $state(1);
  weights = $state<'run' | 'initial'>('initial');
  trace = $state.raw<GraphTrace | null>(null);
  /** What the trace was computed from (a run at an epoch, or the edited model), for its stale notice. */
  from = $state.raw<Provenance | null>(null);
  step = $state(0);
  /** The last trace failure, as thrown (the view words it in the current language), or null. */
  error = $state.raw<unknown>(null);
  /** The visible part of the figure; null shows all of it (zoom to fit). */
  view = $state<ViewBox | null>(null);

  readonly nodes = $derived(this.trace ? netNodes(this.trace) : []);
  readonly steps = $derived(netSteps(this.nodes));
  readonly last = $derived(this.steps.length - 1);
  readonly visible = $derived(netVisibility(this.nodes, this.steps, this.step));

  /** Trace a sample with `fetchTrace` (the insight API) computed `from` a run or the edited model; its error is kept for the view. */
  async load(fetchTrace: () => Promise<GraphTrace>, from: Provenance | null = null): Promise<void> {
    this.error = null;
    try {
      this.trace = await fetchTrace();
      this.from = from;
      this.step = 0;
    } catch (e) {
      this.error = e;
    }
  }

  clear(): void {
    this.trace = null;
    this.from = null;
    this.error = null;
  }

  next(): void {
    this.step = Math.min(this.last, this.step + 1);
  }

  previous(): void {
    this.step = Math.max(0, this.step - 1);
  }

  /** Zoom by `factor` (> 1 zooms in) about the point (cx, cy) of the figure, starting from `full` when fitted. */
  zoom(
    factor: number,
    full: ViewBox,
    cx = (this.view ?? full).x + (this.view ?? full).w / 2,
    cy = (this.view ?? full).y + (this.view ?? full).h / 2,
  ): void {
    const v = this.view ?? full;
    const w = Math.min(full.w * 4, Math.max(full.w / 20, v.w / factor));
    const h = (w * v.h) / v.w;
    this.view = { x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h };
  }

  /** Move the visible part by (dx, dy) figure units. */
  pan(dx: number, dy: number, full: ViewBox): void {
    const v = this.view ?? full;
    this.view = { ...v, x: v.x + dx, y: v.y + dy };
  }

  fit(): void {
    this.view = null;
  }
}
