/** How many rows one inference chunk holds: enough to keep the kernels busy, few enough to stay fast and small. */
import { validateArchitecture } from '../../core/index';
import type { ArchitectureSpec, Precision } from '../../core/spec';

/**
 * Forward flops one chunk may cost: ≈ 10 ms on the float64 WebAssembly kernels (≥ 10 GFLOP/s), ≈ 2–5 ms in float32,
 * so a chunk never holds its thread much longer than a frame, and cancel/progress between chunks stays prompt.
 */
export const CHUNK_FLOPS = 1e8;
/** Bytes one chunk's input and activations may take (float64: 2 MiB is 340 rows of 784 features). */
export const CHUNK_BYTES = 8 * 1024 * 1024;
/** Bounds on the chunk: a multiple of 8 rows (the GEMM tile height divides it), at least 8, at most 4096. */
export const MIN_CHUNK_ROWS = 8;
export const MAX_CHUNK_ROWS = 4096;

/**
 * Forward flops of one row: 2·(inputs × units) per Affine (≈ 2 per parameter) plus a few per unit for activations.
 * Like every function here, throws ArchitectureError (as createNetwork would) on an invalid architecture.
 */
export function forwardFlopsPerRow(architecture: ArchitectureSpec): number {
  return validateArchitecture(architecture).layers.reduce(
    (sum, layer) => sum + 2 * layer.parameterCount + 4 * layer.outputSize,
    0,
  );
}

/** Bytes one row takes in a forward and backward pass: its input, and every layer's output and dx. */
function bytesPerRow(architecture: ArchitectureSpec, precision: Precision): number {
  const widths = validateArchitecture(architecture).layers.reduce((sum, layer) => sum + layer.outputSize, 0);
  return (precision === 'float64' ? 8 : 4) * (architecture.inputSize + 2 * widths);
}

/**
 * Rows per chunk for inference of `architecture`: as many as fit CHUNK_FLOPS and CHUNK_BYTES, rounded down to a
 * multiple of 8 and kept in [MIN_CHUNK_ROWS, MAX_CHUNK_ROWS]. Depends on the architecture only (same network, same chunks).
 */
export function inferenceChunkRows(architecture: ArchitectureSpec, precision: Precision = 'float64'): number {
  const byFlops = CHUNK_FLOPS / forwardFlopsPerRow(architecture);
  const byBytes = CHUNK_BYTES / bytesPerRow(architecture, precision);
  const rows = Math.floor(Math.min(byFlops, byBytes) / 8) * 8;
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, rows));
}

/** Bytes a network of `architecture` allocates to run batches of `rows`: values and gradients of its parameters, activations, a batch. */
export function inferenceBytes(architecture: ArchitectureSpec, precision: Precision, rows: number): number {
  const described = validateArchitecture(architecture);
  const bytes = precision === 'float64' ? 8 : 4;
  return 2 * bytes * described.parameterCount + rows * bytesPerRow(architecture, precision);
}
