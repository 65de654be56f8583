/** Architecture problems are worded from the catalogs, layers numbered from 1 like the editor's list. */
import { afterEach, describe, expect, it } from 'vitest';
import { architectureIssueText } from '../../../src/renderer/src/lib/architecture-text';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { describeArchitecture } from '../../../src/core/network/architecture';

const { issues } = describeArchitecture({ inputSize: 2, layers: [{ type: 'Affine', units: 3 }, { type: 'Relu' }] });

afterEach(() => applyLanguage('en'));

describe('architecture issue text', () => {
  it('says which layer (from 1) and what is wrong, in English', () => {
    applyLanguage('en');
    expect(issues.map(architectureIssueText)).toEqual([
      'Layer 2 (Relu): the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
    ]);
  });

  it('and in 中文, with no English word but the layer names', () => {
    applyLanguage('zh');
    expect(issues.map(architectureIssueText)).toEqual([
      '第 2 层（Relu）：最后一层必须是损失层（SoftmaxWithLoss 或 IdentityWithLoss）',
    ]);
  });
});
