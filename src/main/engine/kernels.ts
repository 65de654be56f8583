/** Pick the kernels an engine job computes with: the WebAssembly SIMD backend when asked for and available, else the reference one. */
import { referenceKernels, type Kernels } from '../../core/index';
import { createWasmKernelsSync, DEFAULT_CAPACITY_BYTES } from '../../core/kernels/wasm/index';

import type { KernelChoice } from '../../shared/workers/engine';

export type { KernelChoice };

/** The wasm32 limit on reserved memory. */
export const MAX_CAPACITY = 4 * 1024 ** 3 - 64 * 1024;

/**
 * Kernels for one job. `needBytes` (the memory estimate of the run) sizes the WebAssembly memory, which is
 * reserved once and never grown; falls back to referenceKernels when WebAssembly SIMD is unavailable.
 */
export function chooseKernels(choice: KernelChoice, needBytes: number): Kernels {
  if (choice === 'reference') return referenceKernels;
  const capacityBytes = Math.min(MAX_CAPACITY, Math.max(DEFAULT_CAPACITY_BYTES, Math.ceil((needBytes * 2) / 65536) * 65536));
  return createWasmKernelsSync({ capacityBytes }) ?? referenceKernels;
}
