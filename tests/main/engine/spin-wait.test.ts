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
  it('grows its budget to twice a wait that ended within the maximum, so the next such wait is covered by polling', () => {
    const spin = new AdaptiveSpin(1);
    spin.record(Infinity);
    expect(spin.budget).toBe(0.5);
    spin.record(0.3);
    expect(spin.budget).toBe(0.6);
    spin.record(0.7);
    expect(spin.budget).toBe(1);
  });

  it('keeps its budget after shorter waits (a budget fitted to the shortest wait would sleep through the next longer one)', () => {
    const spin = new AdaptiveSpin(1);
    for (let i = 0; i < 20; i++) spin.record(Infinity);
    spin.record(0.1);
    expect(spin.budget).toBe(0.2);
    spin.record(0.001);
    expect(spin.budget).toBe(0.2);
  });

  it('recovers from the floor after one short wait (the old halve/double rule stayed there once waits outgrew it)', () => {
    const spin = new AdaptiveSpin(1);
    for (let i = 0; i < 20; i++) spin.record(Infinity);
    expect(spin.budget).toBe(0.02);
    spin.record(0.3);
    expect(spin.budget).toBe(0.6);
  });

  it('halves its budget after waits longer than the maximum or without a change, down to a floor', () => {
    const spin = new AdaptiveSpin(0.16);
    spin.record(5);
    expect(spin.budget).toBe(0.08);
    spin.record(Infinity);
    expect(spin.budget).toBe(0.04);
    for (let i = 0; i < 10; i++) spin.record(Infinity);
    expect(spin.budget).toBe(0.02);
  });

  it('wait returns a changed value at once and times the wait with the injected clock', () => {
    let t = 0;
    const spin = new AdaptiveSpin(1, () => (t += 0.3));
    for (let i = 0; i < 20; i++) spin.record(Infinity);
    expect(spin.wait(Int32Array.of(4), 0, 3)).toBe(4);
    // Two clock reads 0.3 ms apart: the wait took 0.3 ms, so the budget becomes 0.6.
    expect(spin.budget).toBeCloseTo(0.6, 12);
  });

  it('wait returns the unchanged value after its sleep times out, and halves the budget', () => {
    const spin = new AdaptiveSpin(0.04);
    expect(spin.wait(new Int32Array(new SharedArrayBuffer(4)).fill(3), 0, 3, 0)).toBe(3);
    expect(spin.budget).toBe(0.02);
  });
});
