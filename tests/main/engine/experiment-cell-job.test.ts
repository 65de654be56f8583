import { describe, expect, it } from 'vitest';
import { runExperimentCellJob } from '../../../src/main/engine/experiment-cell-job';
import { Command, ControlBlock } from '../../../src/main/engine/control';
import type { ExperimentCellJob, WorkerToMain } from '../../../src/shared/workers/engine';
import { resolveParams } from '../../../src/core/experiments/params';
import { optimizerPaths } from '../../../src/core/experiments/optimizer-paths';

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

  it('ends with the cancel error when the control block says stop', () => {
    const posted: WorkerToMain[] = [];
    const control = new ControlBlock();
    control.send(Command.stop);
    runExperimentCellJob(job(0), control, (m) => posted.push(m));
    expect(posted.map((m) => m.type)).toEqual(['started', 'error']);
    expect(posted[1]).toEqual({ type: 'error', message: 'the experiment was cancelled' });
  });
});
