import { crc32 } from 'node:zlib';
/** Tests the safetensors writer: byte layout, padding, and refusal of inconsistent tensors. */
import { describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../../../../../src/main/services/models/safetensors/encode';
import { SafetensorsError } from '../../../../../src/main/services/models/safetensors/types';

describe('encodeSafetensors', () => {
  it('writes a u64 LE header length that is a multiple of 8, a JSON header and little-endian data', () => {
    const bytes = encodeSafetensors([{ name: 'w', dtype: 'F32', shape: [2], data: new Float32Array([1.5, -2]) }], { k: 'v' });
    const view = new DataView(bytes.buffer);
    const n = Number(view.getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
    // The checksum is the CRC-32 of the tensor's 8 little-endian bytes.
    const crc = crc32(bytes.subarray(8 + n, 8 + n + 8))
      .toString(16)
      .padStart(8, '0');
    expect(header).toEqual({
      __metadata__: { k: 'v', tensor_crc32: JSON.stringify({ w: crc }) },
      w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
    });
    expect(bytes.length).toBe(8 + n + 8);
    expect(view.getFloat32(8 + n, true)).toBe(1.5);
    expect(view.getFloat32(8 + n + 4, true)).toBe(-2);
  });

  it('refuses a shape that does not match the data length', () => {
    expect(() => encodeSafetensors([{ name: 'w', dtype: 'F64', shape: [3], data: new Float64Array(2) }], {})).toThrow(
      /tensor "w": shape \[3\] holds 3 values but data has 2/,
    );
  });

  it('refuses a dtype that does not match the array type', () => {
    expect(() => encodeSafetensors([{ name: 'w', dtype: 'F64', shape: [2], data: new Float32Array(2) }], {})).toThrow(
      SafetensorsError,
    );
  });

  it('refuses repeated tensor names', () => {
    const t = { name: 'a', dtype: 'F32' as const, shape: [1], data: new Float32Array(1) };
    expect(() => encodeSafetensors([t, t], {})).toThrow(/repeated/);
  });
});
