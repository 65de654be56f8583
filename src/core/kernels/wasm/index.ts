/** The WebAssembly SIMD kernels backend: what the rest of the app imports from this folder. */
export { createWasmKernels, createWasmKernelsSync, DEFAULT_CAPACITY_BYTES } from './create';
export type { WasmKernelOptions } from './create';
export { WasmKernels } from './wasm-kernels';
export { createRegionKernelsSync, createSharedRegions, REGIONS_START } from './shared-memory';
export type { SharedRegion } from './shared-memory';
