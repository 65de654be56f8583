/** Writes the safetensors container: u64 LE header length, space-padded JSON header, then little-endian tensor bytes. */
import { CHECKSUM_KEY, checksumOf } from './checksum';
import { DTYPE_BYTES, SafetensorsError, type SafetensorsTensor } from './types';

/** Element count of a shape (1 for a scalar); throws on a dimension that is not a non-negative integer. */
export function elementCount(name: string, shape: readonly number[]): number {
  let count = 1;
  for (const [axis, dim] of shape.entries()) {
    if (!Number.isSafeInteger(dim) || dim < 0) {
      throw new SafetensorsError(`tensor "${name}": shape[${axis}] is ${dim}, expected a non-negative integer`);
    }
    count *= dim;
  }
  return count;
}

/**
 * Encode tensors and a string metadata map into one safetensors byte buffer.
 * Tensors are laid out contiguously in the given order; the header is padded with spaces so the data starts 8-byte aligned.
 * Each tensor's CRC-32 goes into `__metadata__.tensor_crc32` (verified on load).
 */
export function encodeSafetensors(tensors: readonly SafetensorsTensor[], metadata: Readonly<Record<string, string>>): Uint8Array {
  if (CHECKSUM_KEY in metadata) throw new SafetensorsError(`metadata key "${CHECKSUM_KEY}" is reserved for the tensor checksums`);
  const header: Record<string, unknown> = { __metadata__: { ...metadata } };
  let offset = 0;
  const seen = new Set<string>();
  for (const t of tensors) {
    if (t.name === '' || t.name === '__metadata__' || seen.has(t.name)) {
      throw new SafetensorsError(`tensor name "${t.name}" is empty, reserved or repeated`);
    }
    seen.add(t.name);
    const count = elementCount(t.name, t.shape);
    if (count !== t.data.length) {
      throw new SafetensorsError(
        `tensor "${t.name}": shape [${t.shape.join(', ')}] holds ${count} values but data has ${t.data.length}`,
      );
    }
    const expectedArray = t.dtype === 'F32' ? Float32Array : Float64Array;
    if (!(t.data instanceof expectedArray)) {
      throw new SafetensorsError(
        `tensor "${t.name}": dtype ${t.dtype} needs a ${expectedArray.name}, got ${t.data.constructor.name}`,
      );
    }
    const bytes = count * DTYPE_BYTES[t.dtype];
    header[t.name] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  // The data section first (little-endian), so that each tensor's checksum is taken over exactly the bytes written.
  const data = new Uint8Array(offset);
  const dataView = new DataView(data.buffer);
  const sums: Record<string, string> = {};
  let at = 0;
  for (const t of tensors) {
    const begin = at;
    if (t.dtype === 'F32') {
      for (let i = 0; i < t.data.length; i++, at += 4) dataView.setFloat32(at, t.data[i], true);
    } else {
      for (let i = 0; i < t.data.length; i++, at += 8) dataView.setFloat64(at, t.data[i], true);
    }
    sums[t.name] = checksumOf(data.subarray(begin, at));
  }
  (header.__metadata__ as Record<string, string>)[CHECKSUM_KEY] = JSON.stringify(sums);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  out.set(data, 8 + headerLength);
  return out;
}
