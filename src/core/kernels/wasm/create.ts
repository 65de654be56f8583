/** Startup selection of the WebAssembly kernels: relaxed SIMD when the engine validates it, else plain SIMD, else null. */
import { WASM_RELAXED_SIMD_BASE64, WASM_SIMD_BASE64 } from './build/kernels-wasm.generated';
import { decodeBase64 } from './base64';
import { readExports } from './exports';
import type { KernelExports } from './exports';
import { WASM_PAGE_BYTES, getWebAssembly } from './wasm-api';
import type { WasmInstance, WebAssemblyApi } from './wasm-api';
import { WasmKernels } from './wasm-kernels';

export interface WasmKernelOptions {
  /**
   * Use the relaxed-SIMD build (fused multiply-add) when the engine supports it; default true.
   * Node 20 validates it only with --experimental-wasm-relaxed-simd, so there plain SIMD is what runs.
   */
  relaxed?: boolean;
  /** Bytes of WebAssembly memory reserved at creation for buffers and scratch (default 256 MiB; never grown later). */
  capacityBytes?: number;
}

export const DEFAULT_CAPACITY_BYTES = 256 * 1024 * 1024;
/** The wasm32 limit: 65536 pages of 64 KiB. */
const MAX_CAPACITY_BYTES = 65536 * WASM_PAGE_BYTES;
/** The module imports nothing but AssemblyScript's abort hook, which --noAssert leaves unused. */
const IMPORTS = {
  env: {
    abort: (): never => {
      throw new Error('wasm kernels: abort');
    },
  },
};

/** Decoded binaries, cached after the first use. */
let binaries: { simd: Uint8Array; relaxed: Uint8Array } | null = null;

/** The binary to compile and the backend's name, or null when the engine lacks WebAssembly SIMD. */
function chooseBinary(api: WebAssemblyApi, relaxed: boolean): { bytes: Uint8Array; name: string } | null {
  binaries ??= { simd: decodeBase64(WASM_SIMD_BASE64), relaxed: decodeBase64(WASM_RELAXED_SIMD_BASE64) };
  if (relaxed && api.validate(binaries.relaxed)) return { bytes: binaries.relaxed, name: 'wasm-relaxed-simd' };
  if (api.validate(binaries.simd)) return { bytes: binaries.simd, name: 'wasm-simd' };
  return null;
}

function checkCapacity(capacityBytes: number): void {
  if (!Number.isInteger(capacityBytes) || capacityBytes <= 0 || capacityBytes > MAX_CAPACITY_BYTES) {
    throw new RangeError(`createWasmKernels: capacityBytes must be an integer in 1..${MAX_CAPACITY_BYTES}, got ${capacityBytes}`);
  }
}

/** Grows the instance's memory to the capacity once, so views handed out later are never detached. */
function finish(api: WebAssemblyApi, instance: WasmInstance, name: string, capacityBytes: number): WasmKernels {
  const fns: KernelExports = readExports(instance.exports, api);
  const have = fns.memory.buffer.byteLength / WASM_PAGE_BYTES;
  const want = Math.ceil(capacityBytes / WASM_PAGE_BYTES);
  if (want > have) {
    try {
      fns.memory.grow(want - have);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`createWasmKernels: could not reserve ${capacityBytes} bytes of WebAssembly memory (${reason})`);
    }
  }
  return new WasmKernels(name, fns);
}

/**
 * The WebAssembly SIMD kernels, compiled asynchronously (allowed on every thread, including a browser's main thread);
 * null when the engine has no WebAssembly SIMD, so the caller keeps referenceKernels.
 */
export async function createWasmKernels(options: WasmKernelOptions = {}): Promise<WasmKernels | null> {
  const capacityBytes = options.capacityBytes ?? DEFAULT_CAPACITY_BYTES;
  checkCapacity(capacityBytes);
  const api = getWebAssembly();
  const choice = api ? chooseBinary(api, options.relaxed ?? true) : null;
  if (!api || !choice) return null;
  const module = await api.compile(choice.bytes);
  return finish(api, await api.instantiate(module, IMPORTS), choice.name, capacityBytes);
}

/**
 * The same, compiled synchronously: for worker threads, Node and tests. Chromium forbids synchronous compilation
 * of modules over 4 KB on a renderer's main thread; use createWasmKernels there.
 */
export function createWasmKernelsSync(options: WasmKernelOptions = {}): WasmKernels | null {
  const capacityBytes = options.capacityBytes ?? DEFAULT_CAPACITY_BYTES;
  checkCapacity(capacityBytes);
  const api = getWebAssembly();
  const choice = api ? chooseBinary(api, options.relaxed ?? true) : null;
  if (!api || !choice) return null;
  return finish(api, new api.Instance(new api.Module(choice.bytes), IMPORTS), choice.name, capacityBytes);
}
