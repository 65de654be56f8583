import { describe, expect, it } from 'vitest';
import { AUTO_MIN_BATCH, AUTO_MIN_MULTIPLY_ADDS, multiplyAddsPerBatch, resolveThreads } from '../../../src/main/engine/threads';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec } from '../../../src/core/spec';

const mlp = (hidden: number[]): ArchitectureSpec => ({
  inputSize: 784,
  layers: [
    ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: 'Relu' as const }]),
    { type: 'Affine', units: 10 },
    { type: 'SoftmaxWithLoss' },
  ],
});
const BN: ArchitectureSpec = {
  inputSize: 784,
  layers: [
    { type: 'Affine', units: 256 },
    { type: 'BatchNormalization' },
    { type: 'Relu' },
    { type: 'Affine', units: 10 },
    { type: 'SoftmaxWithLoss' },
  ],
};
const config = (threads: 'auto' | number | undefined, batchSize = 100) => ({ ...DEFAULT_TRAINING_CONFIG, batchSize, threads });

describe('resolveThreads', () => {
  it('counts the multiply-adds of one forward pass: batch × Σ fan-in × fan-out', () => {
    expect(multiplyAddsPerBatch(mlp([50]), 100)).toBe(100 * (784 * 50 + 50 * 10));
  });

  it("'auto' uses 2 threads with a spare core from the threshold up; 1 below it, on one core, or on a busy machine", () => {
    const big = mlp([256, 128]);
    expect(multiplyAddsPerBatch(big, 100)).toBeGreaterThanOrEqual(AUTO_MIN_MULTIPLY_ADDS);
    expect(resolveThreads(big, config('auto'), 2, 0.3)).toBe(2);
    expect(resolveThreads(big, config(undefined), 2, 1)).toBe(2);
    expect(resolveThreads(mlp([50]), config('auto', 100), 2, 0)).toBe(2);
    expect(resolveThreads(mlp([16]), config('auto', 32), 2, 0)).toBe(1);
    expect(resolveThreads(big, config('auto'), 1, 0)).toBe(1);
    expect(resolveThreads(big, config('auto'), 2, 1.5)).toBe(1);
    expect(resolveThreads(big, config('auto', 2), 2, 0)).toBe(1);
  });

  it("'auto' keeps batches under AUTO_MIN_BATCH rows on one thread, however large the network", () => {
    const big = mlp([256, 128]);
    expect(multiplyAddsPerBatch(big, AUTO_MIN_BATCH - 1)).toBeGreaterThanOrEqual(AUTO_MIN_MULTIPLY_ADDS);
    expect(resolveThreads(big, config('auto', AUTO_MIN_BATCH - 1), 2, 0)).toBe(1);
    expect(resolveThreads(big, config('auto', AUTO_MIN_BATCH), 2, 0)).toBe(2);
    expect(resolveThreads(big, config(2, 32), 2, 0)).toBe(2);
  });

  it("'auto' keeps a batch under AUTO_MIN_MULTIPLY_ADDS on one thread: 784–16–10 at batch 64, not at 100", () => {
    expect(multiplyAddsPerBatch(mlp([16]), 64)).toBeLessThan(AUTO_MIN_MULTIPLY_ADDS);
    expect(resolveThreads(mlp([16]), config('auto', 64), 2, 0)).toBe(1);
    expect(resolveThreads(mlp([16]), config('auto', 100), 2, 0)).toBe(2);
  });

  it('keeps networks with BatchNormalization on one thread, even when 2 are asked for', () => {
    expect(resolveThreads(BN, config(2), 2)).toBe(1);
    expect(resolveThreads(BN, config('auto'), 2, 0)).toBe(1);
  });

  it('honours an explicit count, capped by the batch size, and refuses more threads than cores', () => {
    expect(resolveThreads(mlp([50]), config(2), 2, 20)).toBe(2);
    expect(resolveThreads(mlp([50]), config(1), 2)).toBe(1);
    expect(resolveThreads(mlp([50]), config(4, 3), 8)).toBe(3);
    expect(() => resolveThreads(mlp([50]), config(3), 2)).toThrow(/threads must be 'auto' or an integer from 1 to 2 .* got 3/);
  });
});
