/** "Nice" axis ticks (steps of 1, 2 or 5 × 10ᵏ) over a range, with the text each is written as. */

export interface Tick {
  value: number;
  /** Where the tick lies, 0 at lo and 1 at hi. */
  at: number;
  text: string;
}

/** About `count` ticks inside [lo, hi] at a 1/2/5 × 10ᵏ step, written with as many decimals as the step needs. */
export function niceTicks(lo: number, hi: number, count = 5): Tick[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && count >= 1)) return [];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: Tick[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) {
    const value = k * step;
    ticks.push({ value, at: (value - lo) / (hi - lo), text: (Object.is(value, -0) ? 0 : value).toFixed(decimals) });
  }
  return ticks;
}
