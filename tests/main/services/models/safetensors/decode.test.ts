/** Tests the safetensors reader: round trip and each structural check with its message. */
import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from '../../../../../src/main/services/models/safetensors/decode';
import { encodeSafetensors } from '../../../../../src/main/services/models/safetensors/encode';

/** Build a file from a raw header object and a data section, as a hostile writer could. */
function rawFile(header: unknown, data: Uint8Array, headerLength?: bigint): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, headerLength ?? BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('decodeSafetensors', () => {
  it('round-trips F32 and F64 tensors and the metadata exactly', () => {
    const a = new Float32Array([1, 2.5, -3, 1e-30, 7, 8]);
    const b = new Float64Array([Math.PI, -0, 1e300]);
    const file = decodeSafetensors(
      encodeSafetensors(
        [
          { name: 'a', dtype: 'F32', shape: [2, 3], data: a },
          { name: 'b', dtype: 'F64', shape: [3], data: b },
          { name: 'empty', dtype: 'F32', shape: [0, 4], data: new Float32Array(0) },
        ],
        { x: 'y' },
      ),
    );
    expect(file.metadata.x).toBe('y');
    expect(Object.getPrototypeOf(file.metadata)).toBeNull();
    const byName = new Map(file.tensors.map((t) => [t.name, t]));
    expect(byName.get('a')?.data).toEqual(a);
    expect(byName.get('a')?.shape).toEqual([2, 3]);
    expect(Object.is(byName.get('b')?.data[1], -0)).toBe(true);
    expect(byName.get('b')?.data).toEqual(b);
    expect(byName.get('empty')?.data.length).toBe(0);
  });

  it('rejects a file shorter than 8 bytes', () => {
    expect(() => decodeSafetensors(new Uint8Array(5))).toThrow(/too short for the 8-byte header length/);
  });

  it('rejects a huge declared header length without allocating it', () => {
    const f = rawFile({}, new Uint8Array(0), 2n ** 62n);
    expect(() => decodeSafetensors(f)).toThrow(/exceeds the limit of 16777216 bytes/);
  });

  it('rejects a header length that runs past the end of the file', () => {
    expect(() => decodeSafetensors(rawFile({}, new Uint8Array(0), 100n))).toThrow(/runs past the end/);
  });

  it('rejects a huge declared shape with little data', () => {
    const f = rawFile({ w: { dtype: 'F32', shape: [1e9, 1e9], data_offsets: [0, 8] } }, new Uint8Array(8));
    expect(() => decodeSafetensors(f)).toThrow(/tensor "w": shape \[1000000000, 1000000000\] needs more bytes/);
  });

  it('rejects an unsupported dtype', () => {
    const f = rawFile({ w: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8));
    expect(() => decodeSafetensors(f)).toThrow(/tensor "w": dtype "I64" is not supported/);
  });

  it('rejects a byte range one byte off the shape', () => {
    const f = rawFile({ w: { dtype: 'F32', shape: [2], data_offsets: [0, 7] } }, new Uint8Array(8));
    expect(() => decodeSafetensors(f)).toThrow(/tensor "w": byte range \[0, 7\) is 7 bytes but F32 shape \[2\] needs 8/);
  });

  it('rejects overlapping tensors', () => {
    const f = rawFile(
      {
        a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
        b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
      },
      new Uint8Array(12),
    );
    expect(() => decodeSafetensors(f)).toThrow(/tensor "b" overlaps/);
  });

  it('rejects a gap between tensors', () => {
    const f = rawFile(
      {
        a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] },
        b: { dtype: 'F32', shape: [1], data_offsets: [8, 12] },
      },
      new Uint8Array(12),
    );
    expect(() => decodeSafetensors(f)).toThrow(/gap of 4 bytes before tensor "b"/);
  });

  it('rejects trailing bytes after the last tensor', () => {
    const f = rawFile({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(9));
    expect(() => decodeSafetensors(f)).toThrow(/5 trailing bytes after the last tensor/);
  });

  it('rejects __proto__ and constructor keys in the header', () => {
    const text = '{"__metadata__":{"__proto__":"x"}}';
    const bytes = new Uint8Array(8 + text.length);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(text.length), true);
    bytes.set(new TextEncoder().encode(text), 8);
    expect(() => decodeSafetensors(bytes)).toThrow(/key "__proto__" is not allowed \(at \$.__metadata__\)/);
    const f = rawFile({ __metadata__: { constructor: 'x' } }, new Uint8Array(0));
    expect(() => decodeSafetensors(f)).toThrow(/key "constructor" is not allowed/);
  });

  it('rejects a non-string metadata value', () => {
    const f = rawFile({ __metadata__: { n: 3 } }, new Uint8Array(0));
    expect(() => decodeSafetensors(f)).toThrow(/__metadata__.n is a number, expected a string/);
  });
});
