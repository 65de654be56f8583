/** A bump allocator over a fixed range of WebAssembly memory: permanent buffers below, call-scoped scratch above. */

/** Alignment of every block: a cache line, so f64 and v128 accesses are always aligned. */
export const ARENA_ALIGN = 64;

export class Arena {
  /** Next free byte; advanced by alloc, rewound by release (to drop scratch taken after a mark) or reset. */
  private top: number;
  /** The first byte handed out (start, aligned): where reset rewinds to. */
  private readonly bottom: number;

  /** Manages bytes [start, end) of the memory. */
  constructor(
    start: number,
    readonly end: number,
  ) {
    this.bottom = Math.ceil(start / ARENA_ALIGN) * ARENA_ALIGN;
    this.top = this.bottom;
  }

  /** Bytes still free. */
  get free(): number {
    return this.end - this.top;
  }

  /** Reserves `bytes` (aligned) and returns its byte offset, or -1 when they do not fit. */
  alloc(bytes: number): number {
    const ptr = this.top;
    const next = Math.ceil((ptr + bytes) / ARENA_ALIGN) * ARENA_ALIGN;
    if (next > this.end) return -1;
    this.top = next;
    return ptr;
  }

  /** The current top, to hand to release once call-scoped scratch is no longer needed. */
  mark(): number {
    return this.top;
  }

  /** Frees everything allocated since `mark` (scratch only: never a block handed out by allocate). */
  release(mark: number): void {
    this.top = mark;
  }

  /** Frees everything: for a new owner of the memory, once nothing allocated before is used again. */
  reset(): void {
    this.top = this.bottom;
  }
}
