/** Best milliseconds per call of a function, measured with the benches' clock. */
import { now } from './clock';

/**
 * Best (lowest) milliseconds per call of fn over `rounds` rounds of at least `roundMs` each, after a warm-up. The clock
 * is read once per batch of calls lasting at least 1 % of a round: reading process CPU time is a system call of about
 * 1 µs, which read after every call doubled the time of a 2 µs GEMM.
 */
export function timePerCall(fn: () => void, rounds: number, roundMs: number): number {
  let batch = 1;
  for (let warm = 0, t0 = now(); warm < 3 || now() - t0 < roundMs; warm++) {
    const t1 = now();
    for (let i = 0; i < batch; i++) fn();
    if (now() - t1 < roundMs / 100) batch *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    let calls = 0;
    do {
      for (let i = 0; i < batch; i++) fn();
      calls += batch;
    } while (now() - t0 < roundMs);
    best = Math.min(best, (now() - t0) / calls);
  }
  return best;
}
