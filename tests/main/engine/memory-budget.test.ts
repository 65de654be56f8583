import { describe, expect, it } from 'vitest';
import { checkMemoryBudget, estimateTrainingMemory, formatBytes } from '../../../src/main/engine/memory-budget';
import { DEFAULT_TRAINING_CONFIG, type ArchitectureSpec } from '../../../src/core/spec';

const mlp = (hidden: number[], inputSize = 784): ArchitectureSpec => ({
  inputSize,
  layers: [
    ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: 'Relu' as const }]),
    { type: 'Affine', units: 10 },
    { type: 'SoftmaxWithLoss' },
  ],
});

describe('estimateTrainingMemory', () => {
  it('counts parameters, optimizer slots, activations and the batch copy', () => {
    const config = { ...DEFAULT_TRAINING_CONFIG, optimizer: 'sgd' as const, batchSize: 100, precision: 'float32' as const };
    const e = estimateTrainingMemory(mlp([50]), config);
    expect(e.parameters).toBe(784 * 50 + 50 + 50 * 10 + 10);
    expect(e.parameterBytes).toBe(e.parameters * 4 * 4);
    expect(e.batchBytes).toBe(100 * 784 * 4 * 2);
    expect(e.totalBytes).toBe(e.parameterBytes + e.activationBytes + e.batchBytes);
    const adam64 = estimateTrainingMemory(mlp([50]), { ...config, optimizer: 'adam', precision: 'float64' });
    expect(adam64.parameterBytes).toBe(e.parameters * 8 * 6);
  });
});

describe('checkMemoryBudget', () => {
  it('refuses a huge architecture naming the estimate and the budget', () => {
    const huge = mlp(Array.from({ length: 15 }, () => 4096));
    expect(() => checkMemoryBudget(huge, DEFAULT_TRAINING_CONFIG, 2 ** 30)).toThrow(
      /needs about [\d.]+ GiB .*memory budget of 1\.0 GiB/,
    );
    expect(() => checkMemoryBudget(huge, DEFAULT_TRAINING_CONFIG, 2 ** 30)).toThrow(
      expect.objectContaining({ code: 'run-memory', params: expect.objectContaining({ budget: '1.0 GiB' }) }),
    );
  });

  it('accepts a small network', () => {
    expect(checkMemoryBudget(mlp([50]), DEFAULT_TRAINING_CONFIG, 2 ** 30).totalBytes).toBeLessThan(2 ** 24);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 2 ** 30)).toBe('3.0 GiB');
  });
});
