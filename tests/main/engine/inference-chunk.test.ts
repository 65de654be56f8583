/** Chunk sizes and memory estimates of inference outside the training engine. */
import { describe, expect, it } from 'vitest';
import { ArchitectureError, type ArchitectureSpec } from '../../../src/core';
import {
  CHUNK_BYTES,
  CHUNK_FLOPS,
  MAX_CHUNK_ROWS,
  forwardFlopsPerRow,
  inferenceBytes,
  inferenceChunkRows,
} from '../../../src/main/engine/inference-chunk';

const mlp = (input: number, hidden: number[], classes: number): ArchitectureSpec => ({
  inputSize: input,
  layers: [
    ...hidden.flatMap((units) => [{ type: 'Affine' as const, units }, { type: 'Relu' as const }]),
    { type: 'Affine', units: classes },
    { type: 'SoftmaxWithLoss' },
  ],
});

describe('forwardFlopsPerRow', () => {
  it('counts 2 flops per Affine parameter and 4 per unit of every layer', () => {
    // 2·(2·3 + 3) + 2·(3·2 + 2) = 34 for the Affines; units: 3 + 3 + 2 + 2 = 10 → 40.
    expect(forwardFlopsPerRow(mlp(2, [3], 2))).toBe(34 + 40);
  });

  it('throws ArchitectureError on an invalid architecture, as createNetwork would', () => {
    expect(() => forwardFlopsPerRow({ inputSize: 0, layers: [] })).toThrow(ArchitectureError);
  });
});

describe('inferenceChunkRows', () => {
  it('fits CHUNK_FLOPS for a wide network, as a multiple of 8 rows', () => {
    const architecture = mlp(784, [256, 128], 10);
    const rows = inferenceChunkRows(architecture);
    expect(rows % 8).toBe(0);
    expect(rows * forwardFlopsPerRow(architecture)).toBeLessThanOrEqual(CHUNK_FLOPS);
    expect((rows + 8) * forwardFlopsPerRow(architecture)).toBeGreaterThan(CHUNK_FLOPS);
  });

  it('caps a tiny network at MAX_CHUNK_ROWS and bounds the bytes of a chunk', () => {
    expect(inferenceChunkRows(mlp(2, [10], 3))).toBe(MAX_CHUNK_ROWS);
    const wide = mlp(100_000, [1], 2);
    const rows = inferenceChunkRows(wide);
    expect(rows).toBe(8);
    expect(inferenceChunkRows(mlp(3000, [8], 2)) * 3000 * 8).toBeLessThanOrEqual(CHUNK_BYTES);
  });
});

describe('inferenceBytes', () => {
  it('holds values and gradients of the parameters plus the rows of a batch', () => {
    const architecture = mlp(2, [3], 2); // 17 parameters; per row 2 inputs + 2·(3 + 3 + 2 + 2) outputs and dx
    expect(inferenceBytes(architecture, 'float64', 10)).toBe(2 * 8 * 17 + 10 * 8 * (2 + 20));
    expect(inferenceBytes(architecture, 'float32', 10)).toBe(2 * 4 * 17 + 10 * 4 * (2 + 20));
  });
});
