/** A small seeded PRNG (mulberry32 + Box–Muller) for init, shuffling and dropout: the same seed gives the same stream. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place. */
  shuffle(a: Int32Array | number[]): void;
  /** The generator's position (a checkpoint saves it): setState(getState()) continues the same stream. */
  getState(): RngState;
  setState(state: RngState): void;
}

/** mulberry32's 32-bit state and the Box–Muller value kept for the next normal() (null when none is kept). */
export interface RngState {
  state: number;
  spare: number | null;
}

/** A mulberry32 generator seeded with `seed` (any finite number; used modulo 2³²). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = 1 - next(); // (0, 1]: never log(0)
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(next() * n);
  };
  const shuffle = (a: Int32Array | number[]): void => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  };
  const getState = (): RngState => ({ state, spare });
  const setState = (saved: RngState): void => {
    if (!(Number.isInteger(saved.state) && saved.state >= 0 && saved.state < 2 ** 32))
      throw new Error(`Rng.setState: state must be a uint32, got ${saved.state}`);
    if (saved.spare !== null && !Number.isFinite(saved.spare))
      throw new Error(`Rng.setState: spare must be finite or null, got ${saved.spare}`);
    state = saved.state;
    spare = saved.spare;
  };
  return { next, normal, int, shuffle, getState, setState };
}

/** A seed for an independent stream derived from `seed` and a small stream number (e.g. 1 for dropout). */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul((Math.trunc(seed) >>> 0) ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}
