/** The Boundary view's state: the grid resolution and the last decision boundary of the active run (polled while it trains). */
import type { ApiClient } from '../../../../shared/api';
import type { BoundaryResult } from '../../../../shared/insight';
import type { StudioContext } from './context';
import { RunPoll } from './run-poll.svelte';

/** How often the boundary is refreshed while the run trains. */
export const BOUNDARY_POLL_MS = 250;

export class BoundaryState {
  /** Cells per side of the predicted grid (50, 100 or 150). */
  resolution = $state(100);
  readonly poll: RunPoll<BoundaryResult>;

  constructor(
    api: ApiClient,
    private readonly studio: StudioContext,
  ) {
    this.poll = new RunPoll((runId) =>
      api.call('insight.boundary', { runId, split: $state.snapshot(studio.split), resolution: this.resolution }),
    );
  }

  /** The boundary is drawn for classifiers of 2-D data only. */
  get usable(): boolean {
    return this.studio.dataset?.d === 2 && this.studio.dataset.task === 'classification';
  }

  /** The last boundary, while it belongs to the active run (another run's picture is never shown as this one's). */
  get result(): BoundaryResult | null {
    const last = this.poll.result;
    return last && last.runId === this.studio.activeRunId ? last : null;
  }

  get error(): string | null {
    return this.poll.error;
  }
}
