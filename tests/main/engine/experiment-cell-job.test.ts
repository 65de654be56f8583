import { describe, expect, it } from 'vitest';
import { runExperimentCellJob } from '../../../src/main/engine/experiment-cell-job';
import { Command, ControlBlock } from '../../../src/main/engine/control';
import type { ExperimentCellJob, WorkerToMain } from '../../../src/shared/workers/engine';
import { resolveParams } from '../../../src/core/experiments/params';
import { optimizerPaths } from '../../../src/core/experiments/optimizer-paths';
import { initTraining } from '../../../src/core/experiments/init-training';
import { loadDigits } from '../../core/experiments/digits';

const job = (progressIntervalMs: number): ExperimentCellJob => ({
  kind: 'experiment-cell',
  experiment: 'optimizer-paths',
  params: resolveParams('optimizer-paths', optimizerPaths.params),
  seed: 1,
  index: 0,
  data: null,
  kernels: 'reference',
  progressIntervalMs,
});

describe('runExperimentCellJob', () => {
  it('posts started, throttled progress (by the injected clock) and the cell result', () => {
    const posted: WorkerToMain[] = [];
    let clock = 0;
    runExperimentCellJob(
      job(10),
      new ControlBlock(),
      (m) => posted.push(m),
      () => (clock += 4),
    );
    const types = posted.map((m) => m.type);
    expect(types[0]).toBe('started');
    expect(types[types.length - 1]).toBe('cell');
    // 30 steps, a clock advancing 4 ms per step and at least 10 ms between posts: every third step, plus the last.
    const progress = posted.filter((m) => m.type === 'cell-progress');
    expect(progress.map((m) => m.type === 'cell-progress' && m.done)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 30]);
  });

  it('sends no trained network for a synthetic cell, and the one network a training cell trained', async () => {
    const synthetic: WorkerToMain[] = [];
    runExperimentCellJob(job(0), new ControlBlock(), (m) => synthetic.push(m));
    expect(synthetic.at(-1)).toMatchObject({ type: 'cell', trained: [] });

    const training: WorkerToMain[] = [];
    const data = await loadDigits();
    const params = resolveParams('init-training', initTraining.params, { iterations: 5, hidden: 2, units: 8 });
    const cell: ExperimentCellJob = { ...job(0), experiment: 'init-training', params, index: 2, data };
    runExperimentCellJob(cell, new ControlBlock(), (m) => training.push(m));
    const last = training.at(-1);
    if (last?.type !== 'cell') throw new Error('expected the cell result last');
    expect(last.trained).toHaveLength(1);
    const [network] = last.trained;
    expect(network.losses).toEqual(last.result.series.find((s) => s.name === 'loss')?.y);
    expect(network.state.map((t) => t.name)).toEqual([
      'layers.0.W',
      'layers.0.b',
      'layers.2.W',
      'layers.2.b',
      'layers.4.W',
      'layers.4.b',
    ]);
  });

  it("times each trained network by the injected clock, from the cell's start to the end of its training", async () => {
    const data = await loadDigits();
    const params = resolveParams('init-training', initTraining.params, { iterations: 5, hidden: 2, units: 8 });
    const cell: ExperimentCellJob = { ...job(0), experiment: 'init-training', params, index: 2, data };
    const posted: WorkerToMain[] = [];
    let clock = 100;
    // 7 ms per reading: the start, one per progress report (all posted: no throttle), and the end of the training.
    runExperimentCellJob(
      cell,
      new ControlBlock(),
      (m) => posted.push(m),
      () => (clock += 7),
    );
    const last = posted.at(-1);
    if (last?.type !== 'cell') throw new Error('expected the cell result last');
    const reports = posted.filter((m) => m.type === 'cell-progress').length;
    expect(reports).toBeGreaterThan(0);
    expect(last.trained.map((n) => n.trainingMs)).toEqual([7 * (reports + 1)]);
    // 5 iterations of init-training's batches: every row of each batch counted.
    expect(last.trained[0].samples).toBe(5 * last.trained[0].config.batchSize);
  });

  it('ends with the cancel error when the control block says stop', () => {
    const posted: WorkerToMain[] = [];
    const control = new ControlBlock();
    control.send(Command.stop);
    runExperimentCellJob(job(0), control, (m) => posted.push(m));
    expect(posted.map((m) => m.type)).toEqual(['started', 'error']);
    expect(posted[1]).toEqual({ type: 'error', message: 'the experiment was cancelled' });
  });
});
