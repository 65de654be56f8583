/** Tests the protobuf writer against hand-computed wire bytes. */
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../../../src/main/services/models/onnx/protobuf';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('ProtoWriter', () => {
  it('encodes varints (multi-byte and negative int64 as 10 bytes)', () => {
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
    expect(hex(new ProtoWriter().varint(2, -1).finish())).toBe('10ffffffffffffffffff01');
    expect(hex(new ProtoWriter().varint(1, 0).finish())).toBe('0800');
  });

  it('encodes strings and nested messages length-delimited', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
    const inner = new ProtoWriter().varint(1, 150).finish();
    expect(hex(new ProtoWriter().bytes(3, inner).finish())).toBe('1a03089601');
  });

  it('encodes floats as little-endian fixed32', () => {
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('150000803f');
  });

  it('grows past its initial buffer', () => {
    const big = new Uint8Array(1000).fill(7);
    const out = new ProtoWriter().bytes(1, big).finish();
    expect(out.length).toBe(1 + 2 + 1000);
    expect(out[out.length - 1]).toBe(7);
  });

  it('refuses a non-integer varint', () => {
    expect(() => new ProtoWriter().varint(1, 1.5)).toThrow('protobuf field 1: 1.5 is not an integer');
  });
});
