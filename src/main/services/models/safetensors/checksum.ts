/**
 * Per-tensor checksums kept in the container's metadata (`__metadata__.tensor_crc32`: a JSON object name → CRC-32 of
 * the tensor's little-endian bytes, 8 hex digits), so that a flipped data byte is detected on load. Files written
 * before checksums existed have no such entry and still load (nothing to verify).
 */
import { crc32 } from 'node:zlib';
import { parseJsonSafely, UnsafeJsonError } from '../safe-json';
import { SafetensorsError } from './types';

export const CHECKSUM_KEY = 'tensor_crc32';

/** CRC-32 of a byte range as 8 hex digits. */
export const checksumOf = (bytes: Uint8Array): string => crc32(bytes).toString(16).padStart(8, '0');

/** Read the checksum entry (null when the file has none); every tensor name must have one, and only those. */
export function readChecksums(metadata: Record<string, string>, names: readonly string[]): Map<string, string> | null {
  const text = metadata[CHECKSUM_KEY];
  if (text === undefined) return null;
  let parsed: unknown;
  try {
    parsed = parseJsonSafely(text, `__metadata__.${CHECKSUM_KEY}`);
  } catch (err) {
    if (err instanceof UnsafeJsonError) throw new SafetensorsError(err.message);
    throw err;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SafetensorsError(`__metadata__.${CHECKSUM_KEY} is not a JSON object`);
  const sums = new Map(Object.entries(parsed as Record<string, unknown>));
  for (const name of names) {
    const sum = sums.get(name);
    if (typeof sum !== 'string' || !/^[0-9a-f]{8}$/.test(sum))
      throw new SafetensorsError(`__metadata__.${CHECKSUM_KEY} has no 8-hex-digit checksum for tensor "${name}"`);
  }
  const extra = [...sums.keys()].find((k) => !names.includes(k));
  if (extra !== undefined)
    throw new SafetensorsError(`__metadata__.${CHECKSUM_KEY} names "${extra}", which is not a tensor of the file`);
  return sums as Map<string, string>;
}

/** Throw when a tensor's bytes do not match its recorded checksum (a damaged file). */
export function verifyChecksum(name: string, bytes: Uint8Array, expected: string, fileOffset: number): void {
  const actual = checksumOf(bytes);
  if (actual !== expected) {
    throw new SafetensorsError(
      `tensor "${name}" is damaged: its bytes (from file byte ${fileOffset}) have checksum ${actual}, the file recorded ${expected}`,
      'checksum-mismatch',
    );
  }
}
