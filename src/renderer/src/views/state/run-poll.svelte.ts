/**
 * Keeps a view's result for the active run's latest weights: one request at a time (polls never pile up
 * behind a slow reply), "no weights yet" (before the first epoch ends) is not an error.
 */
import { describeError } from '../../lib/describe-error';

export class RunPoll<T> {
  result = $state<T | null>(null);
  error = $state<string | null>(null);
  private inFlight = false;

  constructor(private readonly fetch: (runId: string) => Promise<T>) {}

  async refresh(runId: string): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      this.result = await this.fetch(runId);
      this.error = null;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/no weights yet/.test(message)) this.error = describeError(e);
    } finally {
      this.inFlight = false;
    }
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
