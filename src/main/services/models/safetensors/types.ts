/** The in-memory form of a safetensors file: float tensors by name plus a string→string metadata map. */

import type { ModelFileReason } from '../../../../shared/model-file-reasons';

/** The element types this codec reads and writes (4- and 8-byte IEEE floats, little-endian). */
export type SafetensorsDtype = 'F32' | 'F64';

export const DTYPE_BYTES: Readonly<Record<SafetensorsDtype, number>> = { F32: 4, F64: 8 };

export interface SafetensorsTensor {
  name: string;
  dtype: SafetensorsDtype;
  /** Row-major dimensions; the element count is their product (1 for a scalar, shape []). */
  shape: number[];
  data: Float32Array | Float64Array;
}

export interface SafetensorsFile {
  /** In header order (sorted by byte offset when read). */
  tensors: SafetensorsTensor[];
  /** The `__metadata__` map; a null-prototype object when read. */
  metadata: Record<string, string>;
}

/** Thrown for any malformed container: the message says what is wrong and where (byte offset, tensor name). */
export class SafetensorsError extends Error {
  /** @param reason which kind of damage, for the UI to word (the message keeps the detail) */
  constructor(
    message: string,
    readonly reason: ModelFileReason = 'bad-header',
  ) {
    super(message);
    this.name = 'SafetensorsError';
  }
}

/** Limits a reader enforces before allocating anything large. */
export interface SafetensorsLimits {
  /** Largest accepted JSON header, in bytes (default 16 MiB). */
  maxHeaderBytes: number;
}

export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024 * 1024;
