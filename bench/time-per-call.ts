/** Best milliseconds per call of a function, measured with the benches' clock. */
import { now } from './clock';

/** Best (lowest) milliseconds per call of fn over `rounds` rounds of at least `roundMs` each, after a warm-up. */
export function timePerCall(fn: () => void, rounds: number, roundMs: number): number {
  for (let i = 0, t0 = now(); i < 3 || now() - t0 < roundMs; i++) fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    let calls = 0;
    do {
      fn();
      calls++;
    } while (now() - t0 < roundMs);
    best = Math.min(best, (now() - t0) / calls);
  }
  return best;
}
