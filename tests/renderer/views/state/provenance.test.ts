import { describe, expect, it } from 'vitest';
import { fromRun, staleness } from '../../../../src/renderer/src/views/state/provenance';
import { runSummary } from '../../fake-api';

const run1 = runSummary({ id: 'run-1', name: 'run 1', epoch: 2, iteration: 30 });
const run2 = runSummary({ id: 'run-2', name: 'run 2', epoch: 0, iteration: 5 });

describe('staleness', () => {
  it('a run result is current while its run is selected and has not trained on', () => {
    const from = fromRun([run1, run2], 'run-1');
    expect(from).toEqual({ kind: 'run', runId: 'run-1', run: 'run 1', epoch: 3, iteration: 30 });
    expect(staleness(from, { activeRun: run1, runs: [run1, run2] }, null)).toBeNull();
  });

  it('says which run and epoch it is from when another run (or none) is selected', () => {
    const from = fromRun([run1], 'run-1');
    expect(staleness(from, { activeRun: run2, runs: [run1, run2] }, null)).toEqual({ kind: 'otherRun', run: 'run 1', epoch: 3 });
    expect(staleness(from, { activeRun: null, runs: [] }, null)).toEqual({ kind: 'otherRun', run: 'run 1', epoch: 3 });
  });

  it('says the run trained on, unless the view follows the run by itself', () => {
    const from = fromRun([run1], 'run-1');
    const later = { ...run1, iteration: 45, epoch: 4 };
    expect(staleness(from, { activeRun: later, runs: [later] }, null)).toEqual({
      kind: 'trainedOn',
      run: 'run 1',
      epoch: 3,
      now: 5,
    });
    expect(staleness(from, { activeRun: later, runs: [later] }, null, true)).toBeNull();
  });

  it('a model result is stale once the model key changed', () => {
    const none = { activeRun: null, runs: [] };
    expect(staleness({ kind: 'model', model: 'a' }, none, 'a')).toBeNull();
    expect(staleness({ kind: 'model', model: 'a' }, none, 'b')).toEqual({ kind: 'modelChanged' });
  });
});
