/**
 * The Confusion view's state: which split and how many rows to evaluate, and the last evaluation (on request), kept
 * across new runs; a failed evaluation replaces it with the error, so no older matrix sits next to the error as if current.
 */
import type { ApiClient } from '../../../../shared/api';
import type { EvaluationResult } from '../../../../shared/insight';
import { describeError } from '../../lib/describe-error';
import type { StudioContext } from './context';
import { fromRun, staleness, type Provenance, type Staleness } from './provenance';

export class ConfusionState {
  part = $state<'validation' | 'test' | 'train'>('validation');
  maxRows = $state(10_000);
  /** The last evaluation, of whichever run was active then, and where it came from: kept until cleared. */
  private last = $state.raw<{ result: EvaluationResult; from: Provenance } | null>(null);
  busy = $state(false);
  /** What the last evaluation threw (it replaced the result), or null. */
  private failure = $state.raw<unknown>(null);
  /** The largest count of the matrix (at least 1): cells are shaded relative to it. */
  readonly peak = $derived(this.result ? Math.max(1, ...this.result.matrix.flat()) : 1);

  constructor(
    private readonly api: ApiClient,
    private readonly studio: StudioContext,
  ) {}

  /** The last evaluation (shown with a notice when `stale`). */
  get result(): EvaluationResult | null {
    return this.last?.result ?? null;
  }

  /** Why the kept evaluation no longer fits the selected run, or null. */
  get stale(): Staleness | null {
    return this.last ? staleness(this.last.from, this.studio, null) : null;
  }

  /** Why the last evaluation failed, worded from its code in the current language, or null. */
  get error(): string | null {
    return this.failure === null ? null : describeError(this.failure);
  }

  clear(): void {
    this.last = null;
    this.failure = null;
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
    this.failure = null;
    try {
      const from = fromRun(this.studio.runs, runId);
      const result = await this.api.call('insight.evaluate', {
        runId,
        split: $state.snapshot(this.studio.split),
        part: this.part,
        maxRows: this.maxRows,
      });
      this.last = { result, from };
    } catch (e) {
      this.last = null;
      this.failure = e;
    } finally {
      this.busy = false;
    }
  }
}
