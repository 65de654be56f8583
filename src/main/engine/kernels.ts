/** Pick the kernels an engine job computes with: the WebAssembly SIMD backend when asked for and available, else the reference one. */
import { referenceKernels, type Kernels } from '../../core/index';
import {
  createRegionKernelsSync,
  createSharedRegions,
  createWasmKernelsSync,
  DEFAULT_CAPACITY_BYTES,
} from '../../core/kernels/wasm/index';
import { WasmKernels, type SharedRegion } from '../../core/kernels/wasm/index';

import type { KernelChoice } from '../../shared/workers/engine';

export type { KernelChoice };

/** The wasm32 limit on reserved memory. */
export const MAX_CAPACITY = 4 * 1024 ** 3 - 64 * 1024;

/** The run thread's kernels of a data-parallel run and, when they compute on one shared memory, every thread's region of it. */
export interface RunKernels {
  kernels: Kernels;
  /** regions[0] is the run thread's (its kernels'); regions[k] goes to helper k. Null: each thread has its own memory. */
  regions: SharedRegion[] | null;
}

/**
 * Kernels for one job. `needBytes` (the memory estimate of the run) sizes the WebAssembly memory, which is
 * reserved once and never grown; falls back to referenceKernels when WebAssembly SIMD is unavailable.
 */
export function chooseKernels(choice: KernelChoice, needBytes: number): Kernels {
  if (choice === 'reference') return referenceKernels;
  return createWasmKernelsSync({ capacityBytes: capacityFor(needBytes) }) ?? referenceKernels;
}

/**
 * Kernels for the run thread of a job on `threads` threads: for 2 or more, on one shared memory with a region per
 * thread (each as large as one thread's memory would be) when the engine has shared WebAssembly memory and they fit
 * in the wasm32 limit; otherwise as chooseKernels (the threads then exchange through copies).
 */
export function chooseRunKernels(choice: KernelChoice, needBytes: number, threads: number): RunKernels {
  const shared = threads > 1 && choice !== 'reference' ? sharedKernels(capacityFor(needBytes), threads) : null;
  return shared ?? { kernels: chooseKernels(choice, needBytes), regions: null };
}

function sharedKernels(regionBytes: number, threads: number): { kernels: WasmKernels; regions: SharedRegion[] } | null {
  const regions = createSharedRegions(regionBytes, threads);
  const kernels = regions ? createRegionKernelsSync(regions[0]) : null;
  return regions && kernels ? { kernels, regions } : null;
}

const capacityFor = (needBytes: number): number =>
  Math.min(MAX_CAPACITY, Math.max(DEFAULT_CAPACITY_BYTES, Math.ceil((needBytes * 2) / 65536) * 65536));

/** What a KernelCache holds: the kernels, the bytes they may allocate, and the shared memory's regions (null: not shared). */
interface Cached {
  kernels: WasmKernels;
  bytes: number;
  regions: SharedRegion[] | null;
}

/**
 * One thread's kernels, reused from job to job (an engine worker or gradient helper kept warm, worker-pool.ts).
 * V8's optimized JavaScript embeds the WebAssembly functions it calls and is discarded once they die ("weak
 * objects"): a new instance per job made every job on a warm thread compile its hot code again (measured: 250–1,000
 * ms of background compiles per two-thread run, on both cores' time). The previous job must be over: a take
 * releases everything it allocated.
 */
export class KernelCache {
  private last: Cached | null = null;

  /** Kernels for a job that starts now on this thread (like chooseKernels): the last ones, reset, when large enough. */
  take(choice: KernelChoice, needBytes: number): Kernels {
    return this.takeRun(choice, needBytes, 1).kernels;
  }

  /**
   * Like chooseRunKernels: the last kernels, reset, when large enough and (for threads > 1) on a shared memory of
   * at least `threads` regions, so that the helpers kept with this thread find their regions again.
   */
  takeRun(choice: KernelChoice, needBytes: number, threads: number): RunKernels {
    if (choice === 'reference') return { kernels: referenceKernels, regions: null };
    const bytes = capacityFor(needBytes);
    const last = this.last;
    if (last && last.bytes >= bytes && (threads === 1 || (last.regions?.length ?? 0) >= threads)) {
      last.kernels.reset();
      return { kernels: last.kernels, regions: threads === 1 ? null : last.regions };
    }
    const made = chooseRunKernels(choice, needBytes, threads);
    this.last = made.kernels instanceof WasmKernels ? { kernels: made.kernels, bytes, regions: made.regions } : null;
    return made;
  }

  /** A helper's kernels on its region of a run's shared memory: the last ones, reset, when on the same region. */
  takeRegion(region: SharedRegion): Kernels {
    const last = this.last;
    const mine = last?.regions?.[0];
    if (last && mine && mine.id === region.id && mine.start === region.start) {
      last.kernels.reset();
      return last.kernels;
    }
    const kernels = createRegionKernelsSync(region);
    if (!kernels) throw new Error('gradient helper: this engine cannot run the kernels on shared WebAssembly memory');
    this.last = { kernels, bytes: region.end - region.start, regions: [region] };
    return kernels;
  }
}
