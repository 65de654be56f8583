/** A bounded spin before Atomics.wait: the data-parallel threads hand work to each other every step, faster than a sleep and wake-up. */

/**
 * How long a data-parallel thread polls before it sleeps, at most. A step's serial part (reduction, non-finite checks,
 * optimizer: 0.17 ms with SGD, 0.55 ms with Adam on 784–256–128–10) is under this, so between steps the helper never
 * sleeps and the run thread's Atomics.notify never has to wake it; a paused or evaluating run sleeps after this long.
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
 * A spin budget that follows how the waits go: it halves after a poll that ran out (the other thread was not
 * running: on a loaded machine, polling only burns the time slice it needs) and doubles, up to `maxMs`, after
 * one that saw the change. On a quiet machine it stays at `maxMs`; on a busy one it falls to a few microseconds,
 * close to a plain Atomics.wait.
 */
export class AdaptiveSpin {
  private budgetMs: number;

  constructor(private readonly maxMs: number = SPIN_MS) {
    this.budgetMs = maxMs;
  }

  /** The current budget in milliseconds. */
  get budget(): number {
    return this.budgetMs;
  }

  /** spinWhile with the current budget; adapts the budget to the outcome. */
  poll(header: Int32Array, slot: number, value: number): number {
    const seen = spinWhile(header, slot, value, this.budgetMs);
    this.budgetMs = seen !== value ? Math.min(this.maxMs, this.budgetMs * 2) : Math.max(MIN_SPIN_MS, this.budgetMs / 2);
    return seen;
  }
}
