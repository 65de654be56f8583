import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/index';

const parse = (json: string) => JSON.parse(json) as ArchitectureSpec;

describe('describeArchitecture', () => {
  it('never throws on malformed JSON and says what is wrong', () => {
    expect(describeArchitecture(parse('null')).errors[0]).toMatch(/must be an object/);
    expect(describeArchitecture(parse('{"inputSize": 0, "layers": "x"}')).errors).toEqual([
      'inputSize must be a positive integer, got 0',
      expect.stringMatching(/needs at least one layer/),
    ]);
    const r = describeArchitecture(
      parse(
        '{"inputSize": 2, "layers": [null, {"type":"Dropout","ratio":1}, {"type":"Affine","units":1}, {"type":"SoftmaxWithLoss"}]}',
      ),
    );
    expect(r.errors).toEqual([
      'Layer 0: unknown layer type undefined; expected one of Affine, Relu, Sigmoid, Tanh, Dropout, BatchNormalization, SoftmaxWithLoss, IdentityWithLoss',
      'Layer 1 (Dropout): ratio must be a number in [0, 1), got 1',
      expect.stringMatching(/^Layer 3 \(SoftmaxWithLoss\): needs at least 2 class scores, but the layer before it outputs 1/),
    ]);
  });

  it('rejects a bad init and a missing loss layer', () => {
    const r = describeArchitecture({ inputSize: 2, layers: [{ type: 'Affine', units: 3, init: { kind: 'std', std: -1 } }] });
    expect(r.errors).toEqual([
      'Layer 0 (Affine): init std must be a positive finite number, got -1',
      'Layer 0 (Affine): the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
    ]);
  });
});
