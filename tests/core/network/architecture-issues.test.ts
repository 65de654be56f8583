/** An architecture's problems come as data (code, 0-based layer, type, values), and their English text is the errors'. */
import { describe, expect, it } from 'vitest';
import { describeArchitecture } from '../../../src/core/network/architecture';
import { issueText } from '../../../src/core/network/architecture-issues';
import type { ArchitectureSpec } from '../../../src/core/spec';

describe('architecture issues', () => {
  it('names the code, layer, type and values of each problem', () => {
    const spec = {
      inputSize: 2,
      layers: [{ type: 'Affine', units: 1 }, { type: 'SoftmaxWithLoss' }, { type: 'Dropout', ratio: 1.5 }],
    } as ArchitectureSpec;
    const { issues, errors } = describeArchitecture(spec);
    expect(issues).toEqual([
      { code: 'loss-not-last', layer: 1, type: 'SoftmaxWithLoss', params: { following: 1 } },
      { code: 'softmax-classes', layer: 1, type: 'SoftmaxWithLoss', params: { inputSize: 1 } },
      { code: 'dropout-ratio', layer: 2, type: 'Dropout', params: { value: '1.5' } },
      { code: 'last-not-loss', layer: 2, type: 'Dropout', params: {} },
    ]);
    expect(errors).toEqual(issues.map(issueText));
    // The data keeps the 0-based index (layer: 2); the text numbers it from 1, as the editor shows it.
    expect(errors[2]).toBe('Layer 3 (Dropout): ratio must be a number in [0, 1), got 1.5');
  });

  it('reports an unknown type without one, and whole-spec problems without a layer', () => {
    const { issues } = describeArchitecture({ inputSize: 0, layers: [{ type: 'Conv' }] } as unknown as ArchitectureSpec);
    expect(issues.map((i) => [i.code, i.layer, i.type])).toEqual([
      ['input-size', null, null],
      ['unknown-type', 0, null],
    ]);
    expect(issueText(issues[1])).toMatch(/^Layer 1: unknown layer type "Conv"; expected one of Affine, /);
  });
});
