/**
 * The kernels networks outside a training run compute with (predictions, insight views, gradient checks): the
 * WebAssembly SIMD backend, one instance kept per thread and replaced only when its memory runs short.
 */
import { referenceKernels, type Kernels } from '../../core/index';
import { createWasmKernelsSync, DEFAULT_CAPACITY_BYTES, type WasmKernels } from '../../core/kernels/wasm/index';
import { MAX_CAPACITY, type KernelChoice } from './kernels';

/** The least memory a job's own instance reserves (reserving costs time: ≈ 8 ms for 256 MiB, ≈ 1–3 ms for 16 MiB). */
const MIN_JOB_CAPACITY = 16 * 1024 * 1024;

/** Bytes to reserve for `needBytes` of buffers: four times as much (room for scratch), in whole 64 KiB pages, within the limits. */
const capacityFor = (needBytes: number, least: number): number =>
  Math.min(MAX_CAPACITY, Math.max(least, Math.ceil((needBytes * 4) / 65536) * 65536));

/**
 * This thread's instance. Its allocations are permanent (a bump allocator), so each network built on it keeps its
 * bytes; once fewer than twice what a new network needs are free (the network, then as much again for the scratch the
 * kernels stage foreign arrays in), a fresh instance takes over and the old one is collected with the networks that
 * still use it.
 */
let shared: WasmKernels | null = null;
/** False once WebAssembly SIMD turned out to be unavailable on this thread (then the reference kernels are used). */
let available = true;

/**
 * Kernels for a network that will allocate about `needBytes` (see inferenceBytes): this thread's WebAssembly
 * instance, or the reference kernels when `choice` is 'reference' or WebAssembly SIMD is unavailable.
 */
export function inferenceKernels(needBytes: number, choice: KernelChoice = 'wasm'): Kernels {
  if (choice === 'reference' || !available) return referenceKernels;
  if (shared && shared.freeBytes >= 2 * needBytes) return shared;
  shared = createWasmKernelsSync({ capacityBytes: capacityFor(needBytes, DEFAULT_CAPACITY_BYTES) });
  available = shared !== null;
  return shared ?? referenceKernels;
}

/**
 * A WebAssembly instance of its own for one job that allocates about `needBytes` (a gradient check in its worker),
 * reserving no more than the job needs; the reference kernels for 'reference' or without WebAssembly SIMD.
 */
export function jobKernels(needBytes: number, choice: KernelChoice = 'wasm'): Kernels {
  if (choice === 'reference') return referenceKernels;
  return createWasmKernelsSync({ capacityBytes: capacityFor(needBytes, MIN_JOB_CAPACITY) }) ?? referenceKernels;
}
