/** The bounded poll before Atomics.wait: returns a changed value at once, the unchanged one when the spin runs out. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AdaptiveSpin, spinWhile } from '../../../src/main/engine/spin-wait';

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

describe('AdaptiveSpin', () => {
  it('halves its budget after each poll that runs out, down to a floor, and doubles it back after polls that succeed', () => {
    const spin = new AdaptiveSpin(0.16);
    const still = Int32Array.of(3);
    const changed = Int32Array.of(4);
    expect(spin.budget).toBe(0.16);
    expect(spin.poll(still, 0, 3)).toBe(3);
    expect(spin.budget).toBe(0.08);
    for (let i = 0; i < 10; i++) spin.poll(still, 0, 3);
    expect(spin.budget).toBe(0.02);
    expect(spin.poll(changed, 0, 3)).toBe(4);
    expect(spin.budget).toBe(0.04);
    for (let i = 0; i < 10; i++) spin.poll(changed, 0, 3);
    expect(spin.budget).toBe(0.16);
  });
});
