/** A bounded spin before Atomics.wait: the data-parallel threads hand work to each other every step, faster than a sleep and wake-up. */

/**
 * How long a data-parallel thread polls before it sleeps, at most. What a thread waits for within a step (the other
 * thread's gradient or updated range: 0.01–0.3 ms) and between steps (the run thread's bookkeeping) is under this,
 * so no thread sleeps and no Atomics.notify has to wake one; a paused or evaluating run sleeps after this long.
 */
export const SPIN_MS = 1;

/** Polls between clock reads (a clock read costs more than one Atomics.load). */
const POLLS_PER_CLOCK = 64;

/**
 * Polls `header[slot]` while it equals `value`, for at most `spinMs` milliseconds; returns the last value seen (a
 * different value means it changed; equal means the caller should Atomics.wait).
 */
export function spinWhile(header: Int32Array, slot: number, value: number, spinMs: number = SPIN_MS): number {
  const until = performance.now() + spinMs;
  for (;;) {
    for (let i = 0; i < POLLS_PER_CLOCK; i++) {
      const seen = Atomics.load(header, slot);
      if (seen !== value) return seen;
    }
    if (performance.now() >= until) return Atomics.load(header, slot);
  }
}

/** The shortest poll an AdaptiveSpin keeps (below this, a poll is never worth its clock reads). */
const MIN_SPIN_MS = 0.02;

/**
 * A bounded poll before Atomics.wait whose budget follows how long the other thread actually took. After a wait
 * that ended within `maxMs` (polling or asleep), the budget grows to at least twice that wait: the next wait of the
 * same kind (a step's serial part, the other share's remainder: 0.01–0.3 ms) is covered by polling, with no sleep
 * and no wake-up, even after a long pause (an epoch's evaluation) sent it to sleep once. A short wait never shrinks
 * it (else a budget fitted to the shortest waits makes every slightly longer one sleep: measured on 784–16–10, a
 * sleep every other step). After a longer wait (a paused run, or a loaded machine where the other thread is often
 * not running) the budget halves, down to a few microseconds: polling then would only burn the time slice the
 * other thread needs.
 *
 * (Halving after every poll that ran out and doubling only after one that succeeded, as before, never recovered:
 * once the budget fell below the usual 0.25 ms between steps, every poll ran out, and the helper slept and was
 * woken every step; measured: asleep in 99 % of the steps of 784–256–128–10.)
 */
export class AdaptiveSpin {
  private budgetMs: number;

  constructor(
    private readonly maxMs: number = SPIN_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.budgetMs = maxMs;
  }

  /** The current budget in milliseconds. */
  get budget(): number {
    return this.budgetMs;
  }

  /**
   * Wait while `header[slot]` equals `value`: poll for the budget, then Atomics.wait for at most `sleepMs`; returns
   * the last value seen (equal to `value` when the sleep timed out or was woken without a change). A change seen
   * adapts the budget to the time it took.
   */
  wait(header: Int32Array, slot: number, value: number, sleepMs = Infinity): number {
    const start = this.now();
    let seen = spinWhile(header, slot, value, this.budgetMs);
    if (seen === value) {
      Atomics.wait(header, slot, value, sleepMs);
      seen = Atomics.load(header, slot);
    }
    this.record(seen !== value ? this.now() - start : Infinity);
    return seen;
  }

  /** Adapt the budget to a wait that took `waitedMs` (Infinity: it ended without a change). */
  record(waitedMs: number): void {
    this.budgetMs =
      waitedMs <= this.maxMs
        ? Math.min(this.maxMs, Math.max(this.budgetMs, 2 * waitedMs))
        : Math.max(MIN_SPIN_MS, this.budgetMs / 2);
  }
}
