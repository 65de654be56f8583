/** Locating NaN/±Infinity in parameters or gradients, reported by layer index and parameter name. */
import type { Param } from '../param';

export interface NonFinite {
  where: 'loss' | 'gradient' | 'weight';
  layer: number | null;
  parameter: string | null;
}

/** The first param whose `field` holds a non-finite value, as a NonFinite report, or null. */
export function findNonFinite(params: readonly Param[], field: 'grad' | 'value'): NonFinite | null {
  for (const p of params) {
    const a = p[field];
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) {
        const match = /^layers\.(\d+)\./.exec(p.name);
        return { where: field === 'grad' ? 'gradient' : 'weight', layer: match ? Number(match[1]) : null, parameter: p.name };
      }
    }
  }
  return null;
}
