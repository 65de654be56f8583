/** Colours of the experiment figures: one per series, and a blue scale for accuracies in [0, 1]. */
export const PALETTE = ['#d9480f', '#1c7ed6', '#2b8a3e', '#9c36b5', '#e67700', '#0b7285', '#c2255c', '#5c940d'];

export const colorAt = (i: number): string => PALETTE[i % PALETTE.length];

/** Light grey (0) to deep blue (1); NaN is drawn red so that it is never mistaken for a low value. */
export function accuracyColor(a: number): string {
  if (!Number.isFinite(a)) return '#e03131';
  const t = Math.min(1, Math.max(0, a));
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * t);
  return `rgb(${mix(222, 24)}, ${mix(226, 100)}, ${mix(230, 171)})`;
}

/** A figure's value as shown: 6 significant digits (the e2e spec compares these with the CLI's JSON). */
export const shown = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
