import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InsightService } from '../../../../src/main/services/insight/service';
import { insightNetwork } from '../../../../src/main/services/insight/network';
import { predictGrid } from '../../../../src/main/services/insight/boundary';
import { boundaryPlane } from '../../../../src/main/services/insight/boundary-plane';
import type { Dataset, Normalization } from '../../../../src/core/datasets/dataset';
import type { ArchitectureSpec } from '../../../../src/core/spec';
import type { ModelSnapshot } from '../../../../src/shared/model';
import type { PreparedData } from '../../../../src/shared/datasets';

/** out/main/insight-worker.js, built by `npx electron-vite build`. */
const WORKER = resolve(import.meta.dirname, '../../../../out/main/insight-worker.js');
const NO_BUILD = existsSync(WORKER) ? null : `${WORKER} is missing; run npx electron-vite build first`;

const SPLIT = { validation: 0, test: 0, normalize: 'zscore', seed: 1, stratify: false } as const;

const arch: ArchitectureSpec = {
  inputSize: 4,
  layers: [{ type: 'Affine', units: 6 }, { type: 'Relu' }, { type: 'Affine', units: 3 }, { type: 'SoftmaxWithLoss' }],
};
const normalization: Normalization = { kind: 'zscore', offset: [5, 3, 4, 1], scale: [0.8, 0.4, 1.8, 0.8] };
/** 30 normalized rows × 4 features, 3 classes. */
const train: Dataset = {
  name: 'four',
  n: 30,
  d: 4,
  x: Float32Array.from({ length: 120 }, (_, k) => Math.sin(k * 1.7) + (k % 4) * 0.1),
  featureNames: ['a', 'b', 'c', 'd'],
  target: { kind: 'classes', classNames: ['p', 'q', 'r'], y: Int32Array.from({ length: 30 }, (_, i) => i % 3) },
};
const network = insightNetwork(arch, null, 5);
const snapshot = {
  architecture: arch,
  tensors: network.exportState(),
  normalization,
  featureNames: train.featureNames,
  classNames: ['p', 'q', 'r'],
} as unknown as ModelSnapshot;
const prepared = { train, validation: null, test: null, normalization } as unknown as PreparedData;

describe.skipIf(NO_BUILD !== null)(`InsightService.boundary (built insight worker${NO_BUILD ? `: ${NO_BUILD}` : ''})`, () => {
  let service: InsightService;
  afterEach(async () => service.dispose());

  it('predicts the grid of a feature plane or the PCA plane in the worker, as the same grid predicted here', async () => {
    service = new InsightService({
      runs: { snapshot: () => snapshot, list: () => [{ id: 'r1', datasetId: 'ds', iteration: 7 }] },
      datasets: { prepare: () => prepared },
      workerPath: WORKER,
    });
    for (const plane of [{ kind: 'features', x: 2, y: 3 } as const, { kind: 'pca' } as const]) {
      const result = await service.boundary({ runId: 'r1', split: SPLIT, resolution: 12, plane });
      expect(result.iteration).toBe(7);
      expect(result.points.x).toHaveLength(30);
      const fitted = boundaryPlane(train, normalization, plane);
      const toPlane = (r: [number, number], k: 0 | 1): [number, number] => [
        (r[0] - fitted.units.offset[k]) / fitted.units.scale[k],
        (r[1] - fitted.units.offset[k]) / fitted.units.scale[k],
      ];
      const here = predictGrid(network, fitted.plane, toPlane(result.xRange, 0), toPlane(result.yRange, 1), 12);
      expect(Array.from(result.predicted)).toEqual(Array.from(here.predicted));
      if (plane.kind === 'features') {
        expect(result.featureNames).toEqual(['c', 'd']);
        // Raw units: the points' x are feature c un-normalized (x′·1.8 + 4).
        expect(result.points.x[0]).toBeCloseTo(train.x[2] * 1.8 + 4, 5);
      } else expect(result.plane.kind).toBe('pca');
    }
  });
});
