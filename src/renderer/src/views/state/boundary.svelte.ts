/**
 * The Boundary view's state: the grid resolution, the plane shown (two features or PCA) and the last decision boundary
 * (polled while the active run trains; kept, with a notice, when another run is selected).
 */
import type { ApiClient } from '../../../../shared/api';
import type { BoundaryPlane, BoundaryResult } from '../../../../shared/insight';
import type { StudioContext } from './context';
import { RunPoll } from './run-poll.svelte';
import { staleness, type Staleness } from './provenance';

/** How often the boundary is refreshed while the run trains. */
export const BOUNDARY_POLL_MS = 250;

export class BoundaryState {
  /** Cells per side of the predicted grid (50, 100 or 150). */
  resolution = $state(100);
  /** Two features (xFeature, yFeature; the others at their training mean) or the PCA plane. */
  projection = $state<'features' | 'pca'>('features');
  xFeature = $state(0);
  yFeature = $state(1);
  readonly poll: RunPoll<BoundaryResult>;

  constructor(
    api: ApiClient,
    private readonly studio: StudioContext,
  ) {
    this.poll = new RunPoll(
      (runId) =>
        api.call('insight.boundary', {
          runId,
          split: $state.snapshot(studio.split),
          resolution: this.resolution,
          plane: this.plane,
        }),
      () => studio.runs,
    );
  }

  /** The plane asked for; features outside the dataset fall back to the first two. */
  get plane(): BoundaryPlane {
    if (this.projection === 'pca') return { kind: 'pca' };
    const d = this.studio.dataset?.d ?? 2;
    const fits = this.xFeature < d && this.yFeature < d && this.xFeature !== this.yFeature;
    return fits ? { kind: 'features', x: this.xFeature, y: this.yFeature } : { kind: 'features', x: 0, y: 1 };
  }

  /** Back to features 1 and 2 when the chosen ones are not features of a dataset with `d` features (another dataset was loaded). */
  fitFeatures(d: number): void {
    if (this.xFeature >= d || this.yFeature >= d || this.xFeature === this.yFeature) {
      this.xFeature = 0;
      this.yFeature = 1;
    }
  }

  /** The boundary is drawn for classifiers with at least 2 features. */
  get usable(): boolean {
    return (this.studio.dataset?.d ?? 0) >= 2 && this.studio.dataset?.task === 'classification';
  }

  /** The last boundary (of whichever run gave it; shown with a notice when `stale`). */
  get result(): BoundaryResult | null {
    return this.poll.result;
  }

  /** Why the kept boundary no longer fits the selected run, or null (the view refreshes itself while the run trains). */
  get stale(): Staleness | null {
    return this.poll.from ? staleness(this.poll.from, this.studio, null, true) : null;
  }

  get error(): string | null {
    return this.poll.error;
  }
}
