/** Data-parallel training and non-finite values: every thread's range is checked, and the report is one thread's. */
import { describe, expect, it } from 'vitest';
import type { BatchResult, Dataset, NonFinite, OptimizerName, Param } from '../../../src/core/index';
import { CONFIG, DATA, expectClose, makeRun, trainOn, weightsOf, type Run } from './data-parallel-fixtures';
import type { Helper } from './in-thread-shards';

const PARTS = [2, 3];

/** The param named `name` in `params` (throws when there is none). */
function at(params: readonly Param[], name: string): Param {
  const p = params.find((q) => q.name === name);
  if (!p) throw new Error(`no param ${name}`);
  return p;
}

/** Makes the run thread's gradient of its rows hold `value` at `name`[index] in batch number `batch` (0-based). */
function poisonRunThread(run: Run, batch: number, name: string, index: number, value = Number.NaN): void {
  const network = run.trainer.network;
  const gradient = network.gradient.bind(network);
  let calls = 0;
  network.gradient = (x, t) => {
    const loss = gradient(x, t);
    if (calls++ === batch) at(network.params(), name).grad[index] = value;
    return loss;
  };
}

/** Trains batch number `batch` after the ones before it; returns its result and whether any weight changed in it. */
function badStep(run: Run, batch: number): { result: BatchResult; changed: boolean } {
  trainOn(run, batch);
  const before = weightsOf(run.trainer);
  const result = run.trainer.trainBatch(run.shards);
  const after = weightsOf(run.trainer);
  for (const h of run.shards?.helpers ?? []) expect(h.params.flatMap((p) => [...p.value])).toEqual(after);
  return { result, changed: after.some((w, i) => !Object.is(w, before[i])) };
}

/** The one-thread report for a NaN at `name`[index] in the gradient of batch number `batch`. */
function oneThreadReport(batch: number, name: string, index: number, value = Number.NaN, config = CONFIG): NonFinite | null {
  const one = makeRun(1, { config });
  poisonRunThread(one, batch, name, index, value);
  return badStep(one, batch).result.nonFinite;
}

/** A run with a NaN in batch 2's gradient (in the last helper's range) ends like one thread with the same NaN. */
function expectSkipLeavesNoTrace(optimizer: OptimizerName): void {
  const config = { ...CONFIG, optimizer, learningRate: 0.03 };
  const one = makeRun(1, { config });
  poisonRunThread(one, 2, 'layers.2.W', 30);
  const oneLosses = trainOn(one);
  for (const parts of PARTS) {
    const run = makeRun(parts, { config });
    poisonRunThread(run, 2, 'layers.2.W', 30);
    expectClose(trainOn(run), oneLosses, `${optimizer} losses, ${parts} shards`);
    expectClose(weightsOf(run.trainer), weightsOf(one.trainer), `${optimizer} weights, ${parts} shards`);
  }
}

describe('data-parallel training and non-finite values', () => {
  // Adam checks every thread's gradient before the update; SGD (stateless) only after an update came out non-finite.
  for (const optimizer of ['adam', 'sgd'] as const) {
    const config = { ...CONFIG, optimizer };
    it(`a NaN in the run thread's gradient within a helper's range is reported as one thread reports it, and no weight changes (${optimizer})`, () => {
      const expected: NonFinite = { where: 'gradient', layer: 2, parameter: 'layers.2.W' };
      expect(oneThreadReport(2, 'layers.2.W', 30, Number.NaN, config)).toEqual(expected);
      for (const parts of PARTS) {
        const run = makeRun(parts, { config });
        expect(run.shards?.bounds[parts - 1]).toBeLessThanOrEqual(36 + 30); // layers.2.W[30] is in the last helper's range
        poisonRunThread(run, 2, 'layers.2.W', 30);
        const { result, changed } = badStep(run, 2);
        expect(result.nonFinite).toEqual(expected);
        expect(changed).toBe(false);
      }
    });

    it(`a NaN in the run thread's gradient within its own range is reported by the run thread, as one thread reports it (${optimizer})`, () => {
      const expected: NonFinite = { where: 'gradient', layer: 0, parameter: 'layers.0.W' };
      expect(oneThreadReport(1, 'layers.0.W', 3, Number.NaN, config)).toEqual(expected);
      for (const parts of PARTS) {
        const run = makeRun(parts, { config });
        poisonRunThread(run, 1, 'layers.0.W', 3);
        const { result, changed } = badStep(run, 1);
        expect(result.nonFinite).toEqual(expected);
        expect(changed).toBe(false);
      }
    });

    it(`a NaN in a helper's own gradient within its range is reported by name, the lowest bad param first (${optimizer})`, () => {
      // Helper 1 of 3 owns [24, 52): layers.0.b and the first 16 values of layers.2.W; helper 1 of 2 owns [36, 75).
      const cases: [number, string, number][] = [
        [2, 'layers.2.b', 1],
        [3, 'layers.0.b', 5],
      ];
      for (const [parts, name, index] of cases) {
        let batch = 0;
        const poison = (h: Helper): void => {
          if (h.rank === 1 && batch === 1) {
            at(h.params, name).grad[index] = Number.NaN;
            at(h.params, 'layers.2.W').grad[15] = Number.POSITIVE_INFINITY;
          }
        };
        const run = makeRun(parts, { config, afterGradient: poison });
        trainOn(run, 1);
        batch = 1;
        const { result, changed } = badStep(run, 0);
        const layer = Number(name.split('.')[1]);
        expect(result.nonFinite).toEqual({ where: 'gradient', layer, parameter: parts === 3 ? name : 'layers.2.W' });
        expect(changed).toBe(false);
      }
    });
  }

  it("a NaN in a helper's data row is reported as a non-finite loss, as one thread reports it, and no weight changes", () => {
    const order = makeRun(1).trainer.exportState().order;
    const bad: Dataset = { ...DATA, x: DATA.x.slice() };
    bad.x[2 * order[CONFIG.batchSize - 1]] = Number.NaN; // the first batch's last row: a helper's
    const one = makeRun(1, { data: bad });
    expect(badStep(one, 0).result.nonFinite).toEqual({ where: 'loss', layer: null, parameter: null });
    for (const parts of PARTS) {
      const run = makeRun(parts, { data: bad });
      const { result, changed } = badStep(run, 0);
      expect(result.nonFinite).toEqual({ where: 'loss', layer: null, parameter: null });
      expect(Number.isNaN(result.loss)).toBe(true);
      expect(changed).toBe(false);
    }
  });

  it("an update that overflows a weight in a helper's range is reported as a non-finite weight, as one thread reports it", () => {
    const config = { ...CONFIG, optimizer: 'sgd' as const, learningRate: 10 };
    const one = makeRun(1, { config });
    poisonRunThread(one, 0, 'layers.2.W', 30, 1.5e308);
    const expected: NonFinite = { where: 'weight', layer: 2, parameter: 'layers.2.W' };
    expect(badStep(one, 0)).toEqual({ result: expect.objectContaining({ nonFinite: expected }), changed: false });
    for (const parts of PARTS) {
      const run = makeRun(parts, { config });
      poisonRunThread(run, 0, 'layers.2.W', 30, 1.5e308);
      const { result, changed } = badStep(run, 0);
      expect(result.nonFinite).toEqual(expected);
      expect(changed).toBe(false);
    }
  });

  // Every thread learns of a non-finite gradient (any thread's) before it updates, so none steps its optimizer:
  // momentum's v and Adam's m, v and step count stay as one thread leaves them.
  for (const optimizer of ['sgd', 'momentum', 'adam'] as const)
    it(`after a step skipped for a non-finite gradient, a split ${optimizer} run continues like one thread`, () => {
      expectSkipLeavesNoTrace(optimizer);
    });
});
