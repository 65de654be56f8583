/** Locating NaN/±Infinity in parameters or gradients, reported by layer index and parameter name. */
import type { Param } from '../param';
import type { Kernels } from '../kernels/kernels';
import { referenceKernels } from '../kernels/reference';

export interface NonFinite {
  where: 'loss' | 'gradient' | 'weight';
  layer: number | null;
  parameter: string | null;
}

/**
 * The first param whose `field` holds a non-finite value, as a NonFinite report, or null. `kernels` scans
 * (kernels.hasNonFinite: a SIMD pass in the WebAssembly backend); only a param that has one is searched element-wise.
 */
export function findNonFinite(
  params: readonly Param[],
  field: 'grad' | 'value',
  kernels: Kernels = referenceKernels,
): NonFinite | null {
  for (const p of params) {
    const a = p[field];
    if (!kernels.hasNonFinite(a)) continue;
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) {
        const match = /^layers\.(\d+)\./.exec(p.name);
        return { where: field === 'grad' ? 'gradient' : 'weight', layer: match ? Number(match[1]) : null, parameter: p.name };
      }
    }
  }
  return null;
}
