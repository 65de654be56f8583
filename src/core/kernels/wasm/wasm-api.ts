/** The slice of the global WebAssembly API the kernel loader uses, typed structurally so core needs no DOM or Node typings. */

/** A WebAssembly.Memory: its buffer is replaced (and old views detached) whenever it grows. */
export interface WasmMemory {
  /** A SharedArrayBuffer when the memory was created shared (never replaced then: we never grow those). */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(deltaPages: number): number;
}

/** A compiled WebAssembly.Module (opaque here). */
export type WasmModule = object;

/** A WebAssembly.Instance: its exports are checked by readExports before use. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** Imports handed to instantiate: module name → field name → value. */
export type WasmImports = Record<string, Record<string, unknown>>;

export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: WasmImports): Promise<WasmInstance>;
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: WasmImports) => WasmInstance;
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** Bytes of one WebAssembly page. */
export const WASM_PAGE_BYTES = 65536;

/** The global WebAssembly object, or null where this JavaScript engine has none. */
export function getWebAssembly(): WebAssemblyApi | null {
  const api = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  return typeof api === 'object' && api !== null && typeof api.validate === 'function' ? api : null;
}
