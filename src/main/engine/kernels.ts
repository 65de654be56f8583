/** Pick the kernels an engine job computes with: the WebAssembly SIMD backend when asked for and available, else the reference one. */
import { referenceKernels, type Kernels } from '../../core/index';
import { createWasmKernelsSync, DEFAULT_CAPACITY_BYTES } from '../../core/kernels/wasm/index';
import type { WasmKernels } from '../../core/kernels/wasm/index';

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
  return createWasmKernelsSync({ capacityBytes: capacityFor(needBytes) }) ?? referenceKernels;
}

const capacityFor = (needBytes: number): number =>
  Math.min(MAX_CAPACITY, Math.max(DEFAULT_CAPACITY_BYTES, Math.ceil((needBytes * 2) / 65536) * 65536));

/**
 * One thread's kernels, reused from job to job (an engine worker or gradient helper kept warm, worker-pool.ts).
 * V8's optimized JavaScript embeds the WebAssembly functions it calls and is discarded once they die ("weak
 * objects"): a new instance per job made every job on a warm thread compile its hot code again (measured: 250–1,000
 * ms of background compiles per two-thread run, on both cores' time). The previous job must be over: take()
 * releases everything it allocated.
 */
export class KernelCache {
  private last: WasmKernels | null = null;

  /** Kernels for a job that starts now on this thread (like chooseKernels): the last ones, reset, when large enough. */
  take(choice: KernelChoice, needBytes: number): Kernels {
    if (choice === 'reference') return referenceKernels;
    const capacityBytes = capacityFor(needBytes);
    if (this.last && this.last.capacityBytes >= capacityBytes) {
      this.last.reset();
      return this.last;
    }
    this.last = createWasmKernelsSync({ capacityBytes });
    return this.last ?? referenceKernels;
  }
}
