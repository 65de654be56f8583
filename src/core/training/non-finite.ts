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
 * (kernels.hasNonFinite: a SIMD pass in the WebAssembly backend).
 */
export function findNonFinite(
  params: readonly Param[],
  field: 'grad' | 'value',
  kernels: Kernels = referenceKernels,
): NonFinite | null {
  const i = firstNonFiniteParam(params, field, kernels);
  return i < 0 ? null : nonFiniteIn(params[i], field);
}

/** Index of the first param whose `field` holds NaN or ±Infinity, or -1. */
export function firstNonFiniteParam(
  params: readonly Param[],
  field: 'grad' | 'value',
  kernels: Kernels = referenceKernels,
): number {
  return params.findIndex((p) => kernels.hasNonFinite(p[field]));
}

/** The report naming `p` (a param whose `field` is known to hold a non-finite value). */
export function nonFiniteIn(p: Param, field: 'grad' | 'value'): NonFinite {
  const match = /^layers\.(\d+)\./.exec(p.name);
  return { where: field === 'grad' ? 'gradient' : 'weight', layer: match ? Number(match[1]) : null, parameter: p.name };
}
