/** A debounced task with a maximum wait: runs `quietMs` after the last request, but never later than `maxWaitMs` after the first. */

export interface DebouncedTask {
  /** Ask for a run (coalesced with other requests). */
  request(): void;
  /** Run now if a run is pending (or in flight); resolves when the work is written. */
  flush(): Promise<void>;
  /** Forget a pending run. */
  cancel(): void;
}

/**
 * Coalesce requests into runs of `task`; runs never overlap (a request during a run schedules one more).
 * A failing run is reported to `onError` and does not stop later runs.
 */
export function debounced(
  task: () => Promise<void>,
  quietMs: number,
  maxWaitMs: number,
  onError: (error: unknown) => void,
): DebouncedTask {
  if (!(quietMs >= 0 && maxWaitMs >= quietMs))
    throw new Error(`debounced: need 0 ≤ quietMs ≤ maxWaitMs, got ${quietMs} and ${maxWaitMs}`);
  let timer: NodeJS.Timeout | null = null;
  /** Set by the first request after a run, read to cap the wait. */
  let firstRequestAt: number | null = null;
  /** A request not yet served by a run. */
  let pending = false;
  let running: Promise<void> | null = null;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const run = async (): Promise<void> => {
    clear();
    firstRequestAt = null;
    while (running) await running; // never overlap; re-check after every wait
    if (!pending) return;
    pending = false;
    running = task()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    await running;
  };

  return {
    request() {
      pending = true;
      const now = Date.now();
      firstRequestAt ??= now;
      clear();
      const wait = Math.min(quietMs, Math.max(0, firstRequestAt + maxWaitMs - now));
      timer = setTimeout(() => void run(), wait);
      timer.unref();
    },
    async flush() {
      await run();
    },
    cancel() {
      pending = false;
      clear();
      firstRequestAt = null;
    },
  };
}
