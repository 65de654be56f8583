import { describe, expect, it } from 'vitest';
import { runStartRequestSchema } from '../../src/shared/runs';
import { parseOrThrow } from '../../src/shared/parse';
import { request } from '../main/services/runs/helpers';

describe('runStartRequestSchema', () => {
  it('accepts a valid request unchanged', () => {
    expect(parseOrThrow(runStartRequestSchema, request(), 'run request')).toEqual(request());
  });

  it.each([
    ['config.batchSize', request({ batchSize: 70_000 })],
    ['config.learningRate', request({ learningRate: Number.POSITIVE_INFINITY })],
    ['config.learningRate', request({ learningRate: 0 })],
    ['config.epochs', request({ epochs: 100_001 })],
    [
      'architecture.layers.0.units',
      request({}, { architecture: { inputSize: 2, layers: [{ type: 'Affine', units: 5000 }, { type: 'SoftmaxWithLoss' }] } }),
    ],
    [
      'architecture.layers',
      request({}, { architecture: { inputSize: 2, layers: Array.from({ length: 33 }, () => ({ type: 'Relu' as const })) } }),
    ],
    ['split.validation', request({}, { split: { validation: 1.5, test: 0, normalize: 'none', seed: 1, stratify: false } })],
  ])('rejects a bad %s with its path', (path, bad) => {
    expect(() => parseOrThrow(runStartRequestSchema, bad, 'run request')).toThrow(`invalid run request: ${path}:`);
  });

  it('rejects an initial state whose data does not match its shape, and unknown fields', () => {
    const state = [{ name: 'layers.0.W', shape: [2, 3], data: new Float32Array(5) }];
    expect(() => parseOrThrow(runStartRequestSchema, request({}, { initialState: state }), 'run request')).toThrow(
      /initialState\.0: data length must equal/,
    );
    expect(() => parseOrThrow(runStartRequestSchema, { ...request(), colour: 'red' }, 'run request')).toThrow(
      /invalid run request: \(root\): Unrecognized key/,
    );
  });
});
