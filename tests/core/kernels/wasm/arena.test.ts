/** The bump allocator behind allocate and the staging scratch space. */
import { describe, expect, it } from 'vitest';
import { Arena } from '../../../../src/core/kernels/wasm/arena';

describe('Arena', () => {
  it('hands out 64-byte aligned, consecutive blocks starting at the aligned start', () => {
    const arena = new Arena(100, 1000);
    expect(arena.alloc(10)).toBe(128);
    expect(arena.alloc(64)).toBe(192);
    expect(arena.alloc(1)).toBe(256);
    expect(arena.free).toBe(1000 - 320);
  });

  it('returns -1 without moving when a block does not fit', () => {
    const arena = new Arena(0, 256);
    expect(arena.alloc(200)).toBe(0);
    expect(arena.alloc(64)).toBe(-1);
    expect(arena.alloc(56)).toBe(-1);
    expect(arena.free).toBe(0);
  });

  it('release frees exactly what was allocated after the mark', () => {
    const arena = new Arena(0, 4096);
    arena.alloc(100);
    const mark = arena.mark();
    arena.alloc(1000);
    arena.release(mark);
    expect(arena.alloc(8)).toBe(128);
  });

  it('reset frees everything: the next block is the first one again', () => {
    const arena = new Arena(100, 1000);
    arena.alloc(10);
    arena.alloc(300);
    arena.reset();
    expect(arena.alloc(10)).toBe(128);
    expect(arena.free).toBe(1000 - 192);
  });
});
