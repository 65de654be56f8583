/** The Confusion view's state: which split and how many rows to evaluate, and the last evaluation (on request). */
import type { ApiClient } from '../../../../shared/api';
import type { EvaluationResult } from '../../../../shared/insight';
import { describeError } from '../../lib/describe-error';
import type { StudioContext } from './context';

export class ConfusionState {
  part = $state<'validation' | 'test' | 'train'>('validation');
  maxRows = $state(10_000);
  /** The last evaluation, of whichever run was active then. */
  private last = $state<EvaluationResult | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** The largest count of the matrix (at least 1): cells are shaded relative to it. */
  readonly peak = $derived(this.result ? Math.max(1, ...this.result.matrix.flat()) : 1);

  constructor(
    private readonly api: ApiClient,
    private readonly studio: StudioContext,
  ) {}

  /** The last evaluation, while it belongs to the active run. */
  get result(): EvaluationResult | null {
    return this.last && this.last.runId === this.studio.activeRunId ? this.last : null;
  }

  /** The name of class `c` (NaN for a prediction that was not a number). */
  className(c: number): string {
    return this.result?.classNames[c] ?? (c < 0 ? 'NaN' : String(c));
  }

  /** Evaluate the active run's latest weights on the chosen split. */
  async evaluate(): Promise<void> {
    const runId = this.studio.activeRunId;
    if (!runId) return;
    this.busy = true;
    this.error = null;
    try {
      this.last = await this.api.call('insight.evaluate', {
        runId,
        split: $state.snapshot(this.studio.split),
        part: this.part,
        maxRows: this.maxRows,
      });
    } catch (e) {
      this.error = describeError(e);
    } finally {
      this.busy = false;
    }
  }
}
