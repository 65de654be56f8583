import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../src/shared/wire';

describe('wire codec', () => {
  it('round-trips typed arrays bit for bit inside nested objects', () => {
    const message = {
      id: 7,
      result: {
        w: new Float64Array([0.1, -Infinity, Number.MIN_VALUE, NaN]),
        x: new Float32Array([1.5, -2.25]),
        labels: new Int32Array([3, -1]),
        bytes: new Uint8Array([0, 255, 128]),
      },
    };
    const back = decodeWire(encodeWire(message)) as typeof message;
    expect(back.result.w).toBeInstanceOf(Float64Array);
    expect(Array.from(back.result.w)).toEqual([0.1, -Infinity, Number.MIN_VALUE, NaN]);
    expect(back.result.x).toEqual(new Float32Array([1.5, -2.25]));
    expect(back.result.labels).toEqual(new Int32Array([3, -1]));
    expect(back.result.bytes).toEqual(new Uint8Array([0, 255, 128]));
  });

  it('keeps a typed array that is a view on a larger buffer to its own elements', () => {
    const whole = new Float32Array([1, 2, 3, 4]);
    const back = decodeWire(encodeWire(whole.subarray(1, 3))) as Float32Array;
    expect(Array.from(back)).toEqual([2, 3]);
  });

  it('drops __proto__ keys instead of polluting prototypes', () => {
    const back = decodeWire('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(back.a).toBe(1);
  });

  it('rejects malformed JSON and unknown typed-array tags with a SyntaxError', () => {
    expect(() => decodeWire('{"id": 1,')).toThrow(SyntaxError);
    expect(() => decodeWire('{"$typed": "BigInt64Array", "base64": ""}')).toThrow(SyntaxError);
  });
});
