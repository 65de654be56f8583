/** Number formatting shared by the insight views (the gradient-check figures use the CLI's precision). */
import { formatPercent } from '../lib/format';

/** x in exponential notation with 3 significant digits ("1.23e-7"); NaN/Infinity spelled out. */
export function sci(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2) : String(x);
}

/** x with up to 4 significant digits, exponential when very small or large. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? x.toExponential(2) : Number(x.toPrecision(4)).toString();
}

/** A fraction as a percentage with one decimal ("93.4 %"); null → "—". */
export function pct(x: number | null): string {
  return formatPercent(x, '—');
}

/** x with 3 significant digits, compact (for matrices of values). */
export function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? x.toExponential(1) : Number(x.toPrecision(3)).toString();
}
