/** Model actions: a run's model is reused only while the run has not trained on, so Save never writes stale weights. */
import { describe, expect, it } from 'vitest';
import { modelOfRun } from '../../../src/renderer/src/lib/model-actions';
import type { ModelInfo } from '../../../src/shared/model';
import { FakeApi } from '../fake-api';

const info = (id: string): ModelInfo => ({
  id,
  name: id,
  datasetName: 'spiral',
  featureNames: ['x1', 'x2'],
  classNames: ['a', 'b'],
  architecture: { inputSize: 2, layers: [{ type: 'Affine', units: 2 }, { type: 'SoftmaxWithLoss' }] },
});

describe('modelOfRun', () => {
  it('reuses the kept model of the same run at the same iteration', async () => {
    let next = 0;
    const api = new FakeApi({ 'models.fromRun': () => info(`m${++next}`) });
    const first = await modelOfRun(api, 'run-1', 100, null);
    const again = await modelOfRun(api, 'run-1', 100, first);
    expect(again).toBe(first);
    expect(api.called('models.fromRun')).toHaveLength(1);
  });

  it('takes the weights again once the run has trained on, or for another run', async () => {
    let next = 0;
    const api = new FakeApi({ 'models.fromRun': () => info(`m${++next}`) });
    const first = await modelOfRun(api, 'run-1', 100, null);
    const later = await modelOfRun(api, 'run-1', 250, first);
    const other = await modelOfRun(api, 'run-2', 250, later);
    expect(later.info.id).toBe('m2');
    expect(other.info.id).toBe('m3');
  });
});
