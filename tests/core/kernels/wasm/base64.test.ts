/** The base64 decoder that turns the generated module text into bytes. */
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../../src/core/kernels/wasm/base64';

describe('decodeBase64', () => {
  it('decodes the same bytes as Node for every padding length', () => {
    const bytes = Uint8Array.from({ length: 259 }, (_, i) => (i * 37 + 11) & 0xff);
    for (const n of [0, 1, 2, 3, 4, 5, 258, 259]) {
      const text = Buffer.from(bytes.subarray(0, n)).toString('base64');
      expect(Array.from(decodeBase64(text)), `length ${n}`).toEqual(Array.from(bytes.subarray(0, n)));
      expect(Array.from(decodeBase64(text.replace(/=+$/, '')))).toEqual(Array.from(bytes.subarray(0, n)));
    }
  });

  it('rejects a character outside the alphabet, naming it and its index', () => {
    expect(() => decodeBase64('AAB-')).toThrow(/invalid character "-" at index 3/);
  });

  it('rejects an impossible length', () => {
    expect(() => decodeBase64('AAAAA')).toThrow(/length 5 is not a valid base64 length/);
  });
});
