/** The bounded poll before Atomics.wait: returns a changed value at once, the unchanged one when the spin runs out. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { spinWhile } from '../../../src/main/engine/spin-wait';

describe('spinWhile', () => {
  it('returns the slot value at once when it already differs', () => {
    const header = Int32Array.of(0, 7);
    expect(spinWhile(header, 1, 3, 1e9)).toBe(7);
  });

  it('returns the unchanged value once the spin time is up, so the caller sleeps instead', () => {
    const header = Int32Array.of(0, 3);
    expect(spinWhile(header, 1, 3, 0)).toBe(3);
  });

  it('sees a value another thread stores while it polls', async () => {
    const header = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(
      'const { workerData } = require("node:worker_threads"); Atomics.store(new Int32Array(workerData), 1, 5);',
      {
        eval: true,
        workerData: header.buffer,
      },
    );
    // Poll until the store lands (each spin is bounded; the loop ends as soon as the value changes).
    let seen = 0;
    while ((seen = spinWhile(header, 1, 0, 50)) === 0);
    expect(seen).toBe(5);
    await worker.terminate();
  });
});
