/**
 * Turns on WebAssembly relaxed SIMD (fused multiply-add) in runtimes that ship it behind a flag.
 * Node 20's V8 validates the relaxed-SIMD kernels only with --experimental-wasm-relaxed-simd; Node ≥ 22 and
 * Electron have it on. V8 flags are per process, so calling this at an entry's start also covers the worker
 * threads it creates later. It must run before the first WebAssembly module is compiled.
 */
import v8 from 'node:v8';
import { getWebAssembly } from '../../core/kernels/wasm/wasm-api';

/** A module whose one function uses f32x4.relaxed_madd: valid exactly when the runtime has relaxed SIMD. */
const RELAXED_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // one function of type 0
  0x0a,
  0x3d,
  0x01,
  0x3b,
  0x00, // code section: one body of 59 bytes, no locals
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0), // v128.const 0
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0), // v128.const 0
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0), // v128.const 0
  0xfd,
  0x85,
  0x02, // f32x4.relaxed_madd (0xfd 0x105)
  0x0b, // end
]);

/** True when this runtime validates relaxed-SIMD instructions. */
export function hasRelaxedSimd(): boolean {
  return getWebAssembly()?.validate(RELAXED_PROBE) ?? false;
}

/**
 * Enables relaxed SIMD where a flag is all it takes; returns whether the runtime now has it. Set
 * BACKPROP_PLAIN_SIMD=1 to keep the plain-SIMD kernels (for comparisons).
 */
export function enableRelaxedSimd(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.BACKPROP_PLAIN_SIMD === '1') return hasRelaxedSimd();
  if (!hasRelaxedSimd()) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  return hasRelaxedSimd();
}
