import { describe, expect, it } from 'vitest';
import { describeArchitecture, validateArchitecture } from '../../../src/core/index';
import type { ArchitectureSpec } from '../../../src/core/index';

const parse = (json: string) => JSON.parse(json) as ArchitectureSpec;

describe('describeArchitecture', () => {
  it('numbers layers from 1 as the editor does: the 6th layer of the list is "Layer 6"', () => {
    const spec: ArchitectureSpec = {
      inputSize: 2,
      layers: [
        { type: 'Affine', units: 8 },
        { type: 'Relu' },
        { type: 'Affine', units: 8 },
        { type: 'Relu' },
        { type: 'Affine', units: 1 },
        { type: 'SoftmaxWithLoss' },
        { type: 'Relu' },
      ],
    };
    expect(describeArchitecture(spec).errors).toEqual([
      'Layer 6 (SoftmaxWithLoss): a loss layer must be the last layer, but 1 layer(s) follow it',
      expect.stringMatching(/^Layer 6 \(SoftmaxWithLoss\): needs at least 2 class scores, but the layer before it outputs 1/),
      'Layer 7 (Relu): the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
    ]);
    expect(() => validateArchitecture(spec)).toThrow(/^Invalid architecture: Layer 6 \(SoftmaxWithLoss\)/);
  });

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
      'Layer 1: unknown layer type undefined; expected one of Affine, Relu, Sigmoid, Tanh, Dropout, BatchNormalization, SoftmaxWithLoss, IdentityWithLoss',
      'Layer 2 (Dropout): ratio must be a number in [0, 1), got 1',
      expect.stringMatching(/^Layer 4 \(SoftmaxWithLoss\): needs at least 2 class scores, but the layer before it outputs 1/),
    ]);
  });

  it('rejects a bad init and a missing loss layer', () => {
    const r = describeArchitecture({ inputSize: 2, layers: [{ type: 'Affine', units: 3, init: { kind: 'std', std: -1 } }] });
    expect(r.errors).toEqual([
      'Layer 1 (Affine): init std must be a positive finite number, got -1',
      'Layer 1 (Affine): the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
    ]);
  });
});
