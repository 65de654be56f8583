/** Tests checkTensors: order, missing, extra, shape, dtype and non-finite checks against the architecture. */
import { describe, expect, it } from 'vitest';
import { checkTensors, firstNonFinite } from '../../../../src/main/services/models/tensor-check';
import { ModelProblem } from '../../../../src/main/services/models/errors';
import { CLASSIFIER, makeSnapshot } from '../../../fixtures/models/snapshot';

describe('checkTensors', () => {
  const { tensors } = makeSnapshot('float32');

  it('returns the tensors in the network order whatever order they came in', () => {
    const ordered = checkTensors(CLASSIFIER, 'float32', 7, [...tensors].reverse());
    expect(ordered.map((t) => t.name)).toEqual(tensors.map((t) => t.name));
  });

  it('names a missing tensor with its expected shape', () => {
    expect(() =>
      checkTensors(
        CLASSIFIER,
        'float32',
        7,
        tensors.filter((t) => t.name !== 'layers.1.runningVar'),
      ),
    ).toThrow('tensor "layers.1.runningVar" (shape [5]) is missing');
  });

  it('names an extra tensor', () => {
    const extra = { name: 'layers.9.W', shape: [1], data: new Float32Array(1) };
    expect(() => checkTensors(CLASSIFIER, 'float32', 7, [...tensors, extra])).toThrow(
      /tensor "layers.9.W" is not part of the architecture/,
    );
  });

  it('names a transposed weight', () => {
    const swapped = tensors.map((t) => (t.name === 'layers.0.W' ? { ...t, shape: [5, 3] } : t));
    expect(() => checkTensors(CLASSIFIER, 'float32', 7, swapped)).toThrow(
      'tensor "layers.0.W" has shape [5, 3] but the architecture expects [3, 5]',
    );
  });

  it('names the dtype mismatch and the first non-finite value', () => {
    expect(() => checkTensors(CLASSIFIER, 'float64', 7, tensors)).toThrow(ModelProblem);
    expect(firstNonFinite([1, 2, NaN, Infinity])).toBe(2);
    expect(firstNonFinite([1, 2])).toBe(-1);
  });
});
