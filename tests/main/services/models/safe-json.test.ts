/** Tests parseJsonSafely: null prototypes, forbidden keys with their path, depth cap, syntax errors. */
import { describe, expect, it } from 'vitest';
import { parseJsonSafely, UnsafeJsonError } from '../../../../src/main/services/models/safe-json';

describe('parseJsonSafely', () => {
  it('returns objects with a null prototype at every level', () => {
    const v = parseJsonSafely('{"a":{"b":[{"c":1}]}}', 'x') as { a: { b: { c: number }[] } };
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(v.a.b[0])).toBeNull();
    expect(v.a.b[0].c).toBe(1);
  });

  it('rejects __proto__, constructor and prototype keys, naming the path', () => {
    expect(() => parseJsonSafely('{"a":[{"__proto__":1}]}', 'x')).toThrow('x: key "__proto__" is not allowed (at $.a[0])');
    expect(() => parseJsonSafely('{"constructor":{}}', 'x')).toThrow(UnsafeJsonError);
    expect(() => parseJsonSafely('{"a":{"prototype":0}}', 'x')).toThrow(/"prototype"/);
  });

  it('rejects nesting deeper than 64 levels with a clear error, not a stack overflow', () => {
    expect(() => parseJsonSafely('['.repeat(100_000) + ']'.repeat(100_000), 'deep')).toThrow(UnsafeJsonError);
  });

  it('reports a syntax error as UnsafeJsonError', () => {
    expect(() => parseJsonSafely('{"a":', 'header')).toThrow(/^header is not valid JSON/);
  });
});
