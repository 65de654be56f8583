/**
 * One WebAssembly memory for all the threads of a data-parallel run. Each thread instantiates the kernels on it
 * (the shared build: imported, shared memory) and computes in its own region (its arena and its own GEMM pack
 * buffers), so every thread can read the others' gradients and updated parameters where they lie, with no copy
 * through an exchange buffer.
 *
 *   [0, REGIONS_START)                 the module's static data (the same read-only bytes in every instance)
 *   [start_k, start_k + regionBytes)   thread k's region: its pack buffers, then its arena
 */
import { WASM_RELAXED_SIMD_SHARED_BASE64, WASM_SIMD_SHARED_BASE64 } from './build/kernels-wasm.generated';
import { decodeBase64 } from './base64';
import { readExports } from './exports';
import { WASM_PAGE_BYTES, getWebAssembly, type WasmMemory, type WebAssemblyApi } from './wasm-api';
import { WasmKernels } from './wasm-kernels';

/** Where the first region starts: above the module's static data (its heapBase, ~2.4 MB), on a page boundary. */
export const REGIONS_START = 64 * WASM_PAGE_BYTES;

/** The wasm32 limit: 65536 pages of 64 KiB. */
const MAX_PAGES = 65536;

/** A shared memory and one thread's region of it: what a helper thread is given to instantiate its kernels on. */
export interface SharedRegion {
  /** A WebAssembly.Memory created with shared: true (it can be posted to another worker). */
  memory: WasmMemory;
  /** Names the memory across threads (a posted memory is a new object there): a random UUID. */
  id: string;
  /** Thread k's bytes [start, end): page-aligned. */
  start: number;
  end: number;
}

/** Decoded shared binaries, cached after the first use. */
let binaries: { simd: Uint8Array; relaxed: Uint8Array } | null = null;

/**
 * A shared memory of `regions` regions of `regionBytes` each (rounded up to pages), and the regions; null when the
 * engine has no shared WebAssembly memory or they do not fit in the wasm32 limit.
 */
export function createSharedRegions(regionBytes: number, regions: number): SharedRegion[] | null {
  const api = getWebAssembly();
  const pagesPer = Math.ceil(regionBytes / WASM_PAGE_BYTES);
  const pages = REGIONS_START / WASM_PAGE_BYTES + pagesPer * regions;
  if (!api || !(pagesPer > 0) || pages > MAX_PAGES) return null;
  let memory: WasmMemory;
  try {
    memory = new api.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return null; // no threads support, or the address space could not be reserved
  }
  const bytesPer = pagesPer * WASM_PAGE_BYTES;
  const id = globalThis.crypto.randomUUID();
  return Array.from({ length: regions }, (_, k) => ({
    id,
    memory,
    start: REGIONS_START + k * bytesPer,
    end: REGIONS_START + (k + 1) * bytesPer,
  }));
}

/** The shared binary to instantiate and the backend's name, or null when the engine validates neither. */
function chooseSharedBinary(api: WebAssemblyApi, relaxed: boolean): { bytes: Uint8Array; name: string } | null {
  binaries ??= { simd: decodeBase64(WASM_SIMD_SHARED_BASE64), relaxed: decodeBase64(WASM_RELAXED_SIMD_SHARED_BASE64) };
  if (relaxed && api.validate(binaries.relaxed)) return { bytes: binaries.relaxed, name: 'wasm-relaxed-simd' };
  if (api.validate(binaries.simd)) return { bytes: binaries.simd, name: 'wasm-simd' };
  return null;
}

/**
 * The kernels of one thread on its region of a shared memory (compiled synchronously: worker threads and tests).
 * Instantiating writes the module's static data again, the same bytes, which other threads may be reading: no
 * value they see changes. Null when the engine cannot run the shared build.
 */
export function createRegionKernelsSync(region: SharedRegion, relaxed = true): WasmKernels | null {
  const api = getWebAssembly();
  const choice = api ? chooseSharedBinary(api, relaxed) : null;
  if (!api || !choice) return null;
  const imports = {
    env: {
      memory: region.memory,
      abort: (): never => {
        throw new Error('wasm kernels: abort');
      },
    },
  };
  const fns = readExports(new api.Instance(new api.Module(choice.bytes), imports).exports, api);
  if (fns.heapBase() > REGIONS_START)
    throw new Error(`wasm kernels: static data (${fns.heapBase()} bytes) overlaps the first region`);
  fns.ownPackBuffers(region.start);
  return new WasmKernels(choice.name, fns, { start: region.start + fns.packBytes(), end: region.end });
}
