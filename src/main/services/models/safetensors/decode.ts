/** Reads and fully validates a safetensors container before allocating any tensor: header bounds, dtypes, shapes, byte ranges. */
import { parseJsonSafely, UnsafeJsonError } from '../safe-json';
import { CHECKSUM_KEY, readChecksums, verifyChecksum } from './checksum';
import {
  DEFAULT_MAX_HEADER_BYTES,
  DTYPE_BYTES,
  SafetensorsError,
  type SafetensorsDtype,
  type SafetensorsFile,
  type SafetensorsLimits,
  type SafetensorsTensor,
} from './types';

interface Entry {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number;
  end: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read the u64 LE header length and check it against the cap and the buffer size. Returns the header length. */
export function readHeaderLength(bytes: Uint8Array, fileSize: number, limits?: Partial<SafetensorsLimits>): number {
  const maxHeader = limits?.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  if (bytes.length < 8)
    throw new SafetensorsError(`file is ${fileSize} bytes, too short for the 8-byte header length (at byte 0)`);
  const declared = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (declared > BigInt(maxHeader)) {
    throw new SafetensorsError(`declared header length ${declared} bytes exceeds the limit of ${maxHeader} bytes (at byte 0)`);
  }
  const n = Number(declared);
  if (8 + n > fileSize) {
    throw new SafetensorsError(
      `declared header length ${n} bytes runs past the end of the ${fileSize}-byte file (header would end at byte ${8 + n})`,
    );
  }
  return n;
}

function checkEntry(name: string, value: unknown, dataLength: number): Entry {
  const where = `tensor "${name}"`;
  if (!isRecord(value)) throw new SafetensorsError(`${where}: header entry is not an object`);
  const extra = Object.keys(value).filter((k) => k !== 'dtype' && k !== 'shape' && k !== 'data_offsets');
  if (extra.length > 0) throw new SafetensorsError(`${where}: unexpected header field "${extra[0]}"`);
  const { dtype, shape, data_offsets: offsets } = value;
  if (dtype !== 'F32' && dtype !== 'F64')
    throw new SafetensorsError(`${where}: dtype ${JSON.stringify(dtype)} is not supported, expected "F32" or "F64"`);
  if (!Array.isArray(shape)) throw new SafetensorsError(`${where}: shape is not an array`);
  let count = 1;
  for (const [axis, dim] of shape.entries()) {
    if (typeof dim !== 'number' || !Number.isSafeInteger(dim) || dim < 0) {
      throw new SafetensorsError(`${where}: shape[${axis}] is ${JSON.stringify(dim)}, expected a non-negative integer`);
    }
    count *= dim;
    if (count * DTYPE_BYTES[dtype] > dataLength) {
      throw new SafetensorsError(
        `${where}: shape [${shape.join(', ')}] needs more bytes than the ${dataLength}-byte data section holds`,
      );
    }
  }
  if (!Array.isArray(offsets) || offsets.length !== 2) throw new SafetensorsError(`${where}: data_offsets must be [begin, end]`);
  const [begin, end] = offsets as unknown[];
  if (
    typeof begin !== 'number' ||
    typeof end !== 'number' ||
    !Number.isSafeInteger(begin) ||
    !Number.isSafeInteger(end) ||
    begin < 0 ||
    end < begin
  ) {
    throw new SafetensorsError(`${where}: data_offsets ${JSON.stringify(offsets)} must be integers with 0 ≤ begin ≤ end`);
  }
  const bytes = count * DTYPE_BYTES[dtype];
  if (end - begin !== bytes) {
    throw new SafetensorsError(
      `${where}: byte range [${begin}, ${end}) is ${end - begin} bytes but ${dtype} shape [${shape.join(', ')}] needs ${bytes}`,
      'layout-mismatch',
    );
  }
  return { name, dtype, shape: shape as number[], begin, end };
}

/** Sort entries by offset and require them to tile [0, dataLength) exactly: no gap, no overlap, no trailing bytes. */
function checkLayout(entries: Entry[], dataLength: number, dataStart: number): void {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expected = 0;
  for (const e of entries) {
    if (e.begin > expected)
      throw new SafetensorsError(
        `gap of ${e.begin - expected} bytes before tensor "${e.name}" (data bytes ${expected}–${e.begin}, file byte ${dataStart + expected})`,
        'layout-mismatch',
      );
    if (e.begin < expected)
      throw new SafetensorsError(
        `tensor "${e.name}" overlaps the previous tensor (starts at data byte ${e.begin}, previous ends at ${expected})`,
        'layout-mismatch',
      );
    expected = e.end;
  }
  if (expected > dataLength)
    throw new SafetensorsError(
      `tensor data ends at data byte ${expected}, past the end of the file (data section is ${dataLength} bytes)`,
      'layout-mismatch',
    );
  if (expected < dataLength)
    throw new SafetensorsError(
      `${dataLength - expected} trailing bytes after the last tensor (from file byte ${dataStart + expected})`,
      'layout-mismatch',
    );
}

function readTensor(bytes: Uint8Array, dataStart: number, e: Entry, checksum: string | undefined): SafetensorsTensor {
  if (checksum !== undefined)
    verifyChecksum(e.name, bytes.subarray(dataStart + e.begin, dataStart + e.end), checksum, dataStart + e.begin);
  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart + e.begin, e.end - e.begin);
  const size = DTYPE_BYTES[e.dtype];
  const data = e.dtype === 'F32' ? new Float32Array(view.byteLength / size) : new Float64Array(view.byteLength / size);
  for (let i = 0; i < data.length; i++) data[i] = e.dtype === 'F32' ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
  return { name: e.name, dtype: e.dtype, shape: e.shape, data };
}

/** A checked header: the tensors' layout (tiling the data section exactly), the metadata and the checksums (null in older files). */
export interface SafetensorsHeader {
  entries: Entry[];
  metadata: Record<string, string>;
  checksums: Map<string, string> | null;
}

/**
 * Parse and check the JSON header (the bytes after the 8-byte length) against a data section of `dataLength` bytes,
 * before any tensor byte is read: a file whose size does not match its header's layout is refused here.
 */
export function parseSafetensorsHeader(headerBytes: Uint8Array, dataLength: number): SafetensorsHeader {
  const headerLength = headerBytes.length;
  let text: string;
  try {
    // ignoreBOM keeps a leading byte-order mark, so that it is refused below instead of silently skipped.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(headerBytes);
  } catch {
    throw new SafetensorsError(`header (bytes 8–${8 + headerLength}) is not valid UTF-8`);
  }
  if (!text.startsWith('{')) throw new SafetensorsError(`header does not start with "{" (at byte 8)`);
  let header: unknown;
  try {
    header = parseJsonSafely(text, 'header');
  } catch (err) {
    if (err instanceof UnsafeJsonError) throw new SafetensorsError(err.message);
    throw err;
  }
  if (!isRecord(header)) throw new SafetensorsError('header JSON is not an object');
  const dataStart = 8 + headerLength;
  const metadata = Object.create(null) as Record<string, string>;
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!isRecord(value)) throw new SafetensorsError('header field "__metadata__" is not an object');
      for (const [key, v] of Object.entries(value)) {
        if (typeof v !== 'string') throw new SafetensorsError(`__metadata__.${key} is a ${typeof v}, expected a string`);
        metadata[key] = v;
      }
    } else {
      if (name === '') throw new SafetensorsError('header has a tensor with an empty name');
      entries.push(checkEntry(name, value, dataLength));
    }
  }
  checkLayout(entries, dataLength, dataStart);
  const checksums = readChecksums(
    metadata,
    entries.map((e) => e.name),
  );
  delete metadata[CHECKSUM_KEY];
  return { entries, metadata, checksums };
}

/**
 * Decode a whole safetensors buffer. Every structural check runs before any tensor array is allocated, and each
 * tensor's checksum (when the file has them) is verified; failures throw SafetensorsError naming the tensor, byte
 * offset or header field.
 */
export function decodeSafetensors(bytes: Uint8Array, limits?: Partial<SafetensorsLimits>): SafetensorsFile {
  const headerLength = readHeaderLength(bytes, bytes.length, limits);
  const dataStart = 8 + headerLength;
  const { entries, metadata, checksums } = parseSafetensorsHeader(bytes.subarray(8, dataStart), bytes.length - dataStart);
  return { tensors: entries.map((e) => readTensor(bytes, dataStart, e, checksums?.get(e.name))), metadata };
}
