/** The two model versions the kill-save test alternates: different sizes and precisions, so a torn write cannot pass for either. */
import type { ArchitectureSpec } from '../../../../src/core';
import type { ModelSnapshot } from '../../../../src/shared/model';
import { makeSnapshot } from '../../../fixtures/models/snapshot';

const wide = (units: number): ArchitectureSpec => ({
  inputSize: 3,
  layers: [
    { type: 'Affine', units },
    { type: 'Relu' },
    { type: 'Affine', units },
    { type: 'Relu' },
    { type: 'Affine', units: 3 },
    { type: 'SoftmaxWithLoss' },
  ],
});

/** Version A (float32, ~18 KB) and version B (float64, ~80 KB): small, so each save is quick and kills land in every phase. */
export function killSaveVersions(): [ModelSnapshot, ModelSnapshot] {
  return [makeSnapshot('float32', wide(64), 1), makeSnapshot('float64', wide(96), 2)];
}
