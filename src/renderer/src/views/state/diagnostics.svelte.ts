/** The Diagnostics view's state: the batch rows and the last per-layer diagnostics of the active run (polled while it trains). */
import type { ApiClient } from '../../../../shared/api';
import type { DiagnosticsResult } from '../../../../shared/insight';
import { downsample } from '../../lib/chart-data';
import { parameterLabel } from '../../../../core/network/layer-number';
import type { Series } from '../../components/Chart.svelte';
import { classColor, css } from '../colors';
import type { StudioContext } from './context';
import { RunPoll } from './run-poll.svelte';
import { staleness, type Staleness } from './provenance';

/** How often the diagnostics are refreshed while the run trains. */
export const DIAGNOSTICS_POLL_MS = 1000;
/** Points per series of the gradient-norm chart. */
const BUDGET = 600;
/** A log axis cannot show 0: a zero norm is drawn at this floor. */
const FLOOR = 1e-12;

export class DiagnosticsState {
  /** Training rows the histograms are computed on (1 … 1,000). */
  rows = $state(1000);
  readonly poll: RunPoll<DiagnosticsResult>;

  /** One series per parameter: its gradient norm ‖dW‖₂ at each iteration a poll saw. */
  readonly normSeries = $derived.by((): Series[] => {
    const history = this.result?.history ?? [];
    const names = Object.keys(history.at(-1)?.norms ?? {});
    return names.map((name, k) => ({
      label: parameterLabel(name),
      color: css(classColor(k)),
      points: downsample(
        history.map((h) => ({ x: h.iteration, y: Math.max(h.norms[name] ?? Number.NaN, FLOOR) })),
        BUDGET,
      ),
    }));
  });

  constructor(
    api: ApiClient,
    private readonly studio: StudioContext,
  ) {
    this.poll = new RunPoll(
      (runId) => api.call('insight.diagnostics', { runId, split: $state.snapshot(studio.split), rows: this.rows }),
      () => studio.runs,
    );
  }

  /** The last diagnostics (of whichever run gave it; shown with a notice when `stale`). */
  get result(): DiagnosticsResult | null {
    return this.poll.result;
  }

  /** Why the kept diagnostics no longer fits the selected run, or null (the view refreshes itself while the run trains). */
  get stale(): Staleness | null {
    return this.poll.from ? staleness(this.poll.from, this.studio, null, true) : null;
  }

  get error(): string | null {
    return this.poll.error;
  }
}
