/** Data-parallel training and the Trainer's state: export gathers the shards' optimizer ranges, import reloads them. */
import { describe, expect, it } from 'vitest';
import type { OptimizerName } from '../../../src/core/index';
import { CONFIG, expectClose, expectSameState, makeRun, trainOn, weightsOf } from './data-parallel-fixtures';

const STATEFUL: OptimizerName[] = ['adam', 'momentum', 'rmsprop'];
const configFor = (optimizer: OptimizerName) => ({ ...CONFIG, optimizer, learningRate: 0.03 });

describe('data-parallel training and the Trainer state', () => {
  it('exportState after split steps equals the one-thread exportState (weights, every optimizer tensor, step count)', () => {
    for (const optimizer of STATEFUL) {
      for (const parts of [2, 3]) {
        const one = makeRun(1, { config: configFor(optimizer) });
        const split = makeRun(parts, { config: configFor(optimizer) });
        trainOn(one, 7);
        trainOn(split, 7);
        const state = split.trainer.exportState();
        expectSameState(state, one.trainer.exportState());
        if (optimizer === 'adam') expect(state.optimizer?.step).toBe(7); // the others count no steps
        expect(state.optimizer?.tensors.length).toBe(optimizer === 'adam' ? 8 : 4);
        expect(split.shards?.calls.gather).toBe(1);
      }
    }
  });

  it('exportState does not disturb a split run: it continues like one thread', () => {
    const one = makeRun(1);
    const split = makeRun(3);
    trainOn(one);
    for (let b = 0; !split.trainer.done; b++) {
      trainOn(split, 1);
      if (b % 4 === 0) split.trainer.exportState();
    }
    expectClose(weightsOf(split.trainer), weightsOf(one.trainer), 'weights');
  });

  it('importState of a one-thread checkpoint mid-run, then split steps, continues like one thread (the shards are loaded again)', () => {
    for (const optimizer of STATEFUL) {
      const config = configFor(optimizer);
      const one = makeRun(1, { config });
      trainOn(one, 9);
      const checkpoint = one.trainer.exportState();
      const oneLosses = trainOn(one);

      const split = makeRun(3, { config });
      trainOn(split, 4); // the helpers now hold a state of 4 steps, not the checkpoint's 9
      split.trainer.importState(checkpoint);
      const splitLosses = trainOn(split);
      expect(split.shards?.calls.load).toBe(2);
      expectClose(splitLosses, oneLosses, `${optimizer} losses after import`);
      expectSameState(split.trainer.exportState(), one.trainer.exportState());
    }
  });

  it('importState of a split checkpoint into a one-thread run continues like the one-thread run', () => {
    const one = makeRun(1);
    const split = makeRun(2);
    trainOn(one, 6);
    trainOn(split, 6);
    const resumed = makeRun(1);
    resumed.trainer.importState(split.trainer.exportState());
    expectClose(trainOn(resumed), trainOn(one), 'losses after import');
    expectClose(weightsOf(resumed.trainer), weightsOf(one.trainer), 'weights');
  });

  it('going back to trainBatch() without shards after split steps continues like one thread (the state is gathered first)', () => {
    for (const optimizer of STATEFUL) {
      const config = configFor(optimizer);
      const one = makeRun(1, { config });
      const oneLosses = trainOn(one);
      const split = makeRun(3, { config });
      const losses = trainOn(split, 5);
      while (!split.trainer.done) losses.push(split.trainer.trainBatch().loss);
      expect(split.shards?.calls.gather).toBe(1);
      expectClose(losses, oneLosses, `${optimizer} losses`);
      expectSameState(split.trainer.exportState(), one.trainer.exportState());
    }
  });

  it('split, then one thread, then split again reloads the shards and still follows one thread', () => {
    const one = makeRun(1);
    const oneLosses = trainOn(one);
    const run = makeRun(2);
    const losses = trainOn(run, 4);
    for (let b = 0; b < 3; b++) losses.push(run.trainer.trainBatch().loss);
    losses.push(...trainOn(run));
    expect(run.shards?.calls.load).toBe(2);
    expectClose(losses, oneLosses, 'losses');
    expectClose(weightsOf(run.trainer), weightsOf(one.trainer), 'weights');
  });
});
