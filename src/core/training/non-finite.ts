/** Locating NaN/±Infinity in parameters or gradients, reported by layer index and parameter name. */
import type { Param } from '../param';

export interface NonFinite {
  where: 'loss' | 'gradient' | 'weight';
  layer: number | null;
  parameter: string | null;
}

/** True when some element is NaN or ±Infinity: x·0 is NaN exactly for those, and NaN survives the sum. */
function hasNonFinite(a: ArrayLike<number>): boolean {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * 0;
  return sum !== sum;
}

/** The first param whose `field` holds a non-finite value, as a NonFinite report, or null. */
export function findNonFinite(params: readonly Param[], field: 'grad' | 'value'): NonFinite | null {
  for (const p of params) {
    const a = p[field];
    if (!hasNonFinite(a)) continue;
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) {
        const match = /^layers\.(\d+)\./.exec(p.name);
        return { where: field === 'grad' ? 'gradient' : 'weight', layer: match ? Number(match[1]) : null, parameter: p.name };
      }
    }
  }
  return null;
}
