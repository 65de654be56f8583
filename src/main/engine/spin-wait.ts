/** A bounded spin before Atomics.wait: the data-parallel threads hand work to each other every step, faster than a sleep and wake-up. */

/**
 * How long a data-parallel thread polls before it sleeps. A step's serial part (reduction, non-finite checks,
 * optimizer) is well under this on the networks that split (auto: ≥ 2 M multiply-adds per batch), so between steps
 * the helper never sleeps and the run thread's Atomics.notify never has to wake it; a paused or finished run
 * sleeps after this long.
 */
export const SPIN_MS = 2;

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
