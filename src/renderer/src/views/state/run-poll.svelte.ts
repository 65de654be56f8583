/**
 * Keeps a view's result for the active run's latest weights: one request at a time (polls never pile up
 * behind a slow reply: at most one waits, and the last ask wins), "no weights yet" (before the first epoch ends) is not an error; the last result is kept (with where
 * it came from) when another run is selected, until a new one arrives or the user clears it. A failed refresh replaces the
 * result with the error (worded from its code in the current language), so no older result sits next to it as if current.
 */
import { describeError } from '../../lib/describe-error';
import type { RunSummary } from '../../../../shared/runs';
import { fromRun, type Provenance } from './provenance';

export class RunPoll<T extends { runId: string; iteration: number }> {
  result = $state<T | null>(null);
  /** The run (name, epoch) the result came from, captured when it arrived. */
  from = $state.raw<Provenance | null>(null);
  /** What the last refresh threw (it replaced the result), or null. */
  failure = $state.raw<unknown>(null);
  private inFlight = false;
  /** A refresh asked for while one was in flight (e.g. the plane changed): run once that one is back, so the last ask wins. */
  private queued: string | null = null;

  constructor(
    private readonly fetch: (runId: string) => Promise<T>,
    private readonly runs: () => RunSummary[] = () => [],
  ) {}

  /** Why the last refresh failed, in the current language, or null. */
  get error(): string | null {
    return this.failure === null ? null : describeError(this.failure);
  }

  /** Forget the kept result (the user cleared it). */
  clear(): void {
    this.result = null;
    this.from = null;
    this.failure = null;
  }

  async refresh(runId: string): Promise<void> {
    if (this.inFlight) {
      this.queued = runId;
      return;
    }
    this.inFlight = true;
    try {
      const result = await this.fetch(runId);
      this.from = fromRun(this.runs(), result.runId, result.iteration);
      this.result = result;
      this.failure = null;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/no weights yet/.test(message)) {
        this.result = null;
        this.from = null;
        this.failure = e;
      }
    } finally {
      this.inFlight = false;
    }
    const next = this.queued;
    this.queued = null;
    if (next) await this.refresh(next);
  }

  /** Refresh now and, while the run is live, every `intervalMs`: call from an $effect, which runs the returned cleanup. */
  follow(runId: string | null, live: boolean, intervalMs: number): (() => void) | undefined {
    if (!runId) return undefined;
    void this.refresh(runId);
    if (!live) return undefined;
    const timer = setInterval(() => void this.refresh(runId), intervalMs);
    return () => clearInterval(timer);
  }
}
