import { describe, expect, it } from 'vitest';
import { createNetwork, Trainer } from '../../../src/core/index';
import { Command, ControlBlock } from '../../../src/main/engine/control';
import type { TrainJob, WorkerToMain } from '../../../src/shared/workers/engine';
import { runTrainJob } from '../../../src/main/engine/train-job';
import { QUICK_CONFIG, SPIRAL_MLP, sharedSpiral } from './fixtures';

const train = sharedSpiral();
const job = (over: Partial<TrainJob> = {}): TrainJob => ({
  kind: 'train',
  architecture: SPIRAL_MLP,
  config: QUICK_CONFIG,
  train,
  validation: sharedSpiral(10, 2),
  test: null,
  kernels: 'reference',
  estimatedBytes: 0,
  trainEvalRows: 1000,
  progressIntervalMs: 0,
  checkpointEvery: null,
  resumeFrom: null,
  ...over,
});

function run(j: TrainJob, control = new ControlBlock(), now?: () => number): WorkerToMain[] {
  const messages: WorkerToMain[] = [];
  runTrainJob(j, control, (m) => messages.push(m), now);
  return messages;
}

/** A clock that moves `stepMs` every time it is read: time passes only as the job looks at it, the same under any load. */
function tickingClock(stepMs: number): { now: () => number; time: () => number } {
  let t = 0;
  return { now: () => (t += stepMs), time: () => t };
}

const finished = (messages: WorkerToMain[]) => {
  const last = messages.at(-1);
  if (last?.type !== 'finished') throw new Error(`expected a finished message last, got ${last?.type}`);
  return last;
};

describe('runTrainJob', () => {
  it('posts every batch loss once, epoch metrics, and the same weights as driving the core Trainer directly', () => {
    const messages = run(job());
    const losses = messages.flatMap((m) => (m.type === 'progress' ? [...m.losses] : []));
    const network = createNetwork(SPIRAL_MLP, { precision: 'float32', seed: QUICK_CONFIG.seed });
    const trainer = new Trainer(network, train, QUICK_CONFIG);
    const expected: number[] = [];
    while (!trainer.done) expected.push(trainer.trainBatch().loss);
    expect(losses).toEqual(expected);
    const end = finished(messages);
    expect(end.reason).toBe('completed');
    expect(end.iteration).toBe(expected.length);
    expect(end.state.map((t) => [...t.data])).toEqual(network.exportState().map((t) => [...t.data]));
    const epochs = messages.flatMap((m) => (m.type === 'progress' ? m.epochs : []));
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(epochs[0].validation).not.toBeNull();
    expect(end.metrics.test).toBeNull();
  });

  it('stops before the first batch when the stop flag is already set, keeping the initial weights', () => {
    const control = new ControlBlock();
    control.send(Command.stop);
    const end = finished(run(job(), control));
    expect(end.reason).toBe('stopped');
    expect(end.iteration).toBe(0);
  });

  it('reports the first non-finite loss with its position and stops at once', () => {
    const messages = run(job({ config: { ...QUICK_CONFIG, learningRate: 1e30 } }));
    const nan = messages.find((m) => m.type === 'nan');
    expect(nan?.type === 'nan' && nan.report.epoch).toBe(0);
    expect(nan?.type === 'nan' && ['loss', 'gradient', 'weight'].includes(nan.report.where)).toBe(true);
    const end = finished(messages);
    expect(end.reason).toBe('nan');
    expect(end.state.every((t) => t.data.every(Number.isFinite))).toBe(true);
  });

  it('stops early when the validation loss does not improve for `patience` epochs', () => {
    const end = finished(run(job({ config: { ...QUICK_CONFIG, learningRate: 1e-9, epochs: 50, patience: 2 } })));
    expect(end.reason).toBe('early-stopped');
    expect(end.epoch).toBeLessThan(49);
  });

  it('applies a learning-rate override written to the control block', () => {
    const control = new ControlBlock();
    control.setLearningRate(0.125);
    const messages = run(job(), control);
    const rates = messages.flatMap((m) => (m.type === 'progress' ? [m.learningRate] : []));
    expect(new Set(rates)).toEqual(new Set([0.125]));
  });

  it('throttles progress to one message per progressIntervalMs of its clock, coalescing the batches and epochs between', () => {
    const clock = tickingClock(1);
    const stamps: number[] = [];
    const messages: WorkerToMain[] = [];
    runTrainJob(
      job({ progressIntervalMs: 25, config: { ...QUICK_CONFIG, epochs: 20 } }),
      new ControlBlock(),
      (m) => {
        messages.push(m);
        if (m.type === 'progress') stamps.push(clock.time());
      },
      clock.now,
    );
    const progress = messages.filter((m) => m.type === 'progress');
    const end = finished(messages);
    // Every message but the one flushed by finish() waited a full interval of the injected clock since the previous one.
    const gaps = stamps.slice(1, -1).map((t, i) => t - stamps[i]);
    expect(gaps.every((g) => g >= 25)).toBe(true);
    expect(progress.length).toBeLessThanOrEqual(Math.floor(clock.time() / 25) + 1);
    // Nothing is lost by coalescing: every batch loss and every epoch arrives once, several per message.
    const losses = progress.flatMap((m) => [...m.losses]);
    expect(losses).toHaveLength(end.iteration);
    expect(progress.flatMap((m) => m.epochs.map((e) => e.epoch))).toEqual([...Array(20).keys()]);
    expect(losses.length / progress.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a stop written while a progress message is handled before the next batch', () => {
    const control = new ControlBlock();
    const messages: WorkerToMain[] = [];
    runTrainJob(job({ config: { ...QUICK_CONFIG, epochs: 1000 } }), control, (m) => {
      messages.push(m);
      if (m.type === 'progress' && m.iteration >= 5) control.send(Command.stop);
    });
    const stoppedAt = messages.findLast((m) => m.type === 'progress');
    const end = finished(messages);
    expect(end.reason).toBe('stopped');
    expect(end.iteration).toBe(stoppedAt?.type === 'progress' ? stoppedAt.iteration : -1);
    expect(end.iteration).toBeLessThan(20);
  });
});

describe('runTrainJob checkpoints', () => {
  const config = { ...QUICK_CONFIG, optimizer: 'adam' as const, learningRate: 0.02, epochs: 5, patience: 3 };
  const checkpoints = (messages: WorkerToMain[]) => messages.flatMap((m) => (m.type === 'checkpoint' ? [m.point] : []));
  const weights = (messages: WorkerToMain[]) => finished(messages).state.map((t) => [t.name, Array.from(t.data)]);

  it("posts a checkpoint after every N-th epoch but the last, holding the next epoch's position", () => {
    const every1 = checkpoints(run(job({ config, checkpointEvery: 1 })));
    expect(every1.map((p) => [p.trainer.epoch, p.trainer.batchInEpoch])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(every1[0].earlyStopping.bestValidationLoss).toBeLessThan(Infinity);
    expect(checkpoints(run(job({ config, checkpointEvery: 2 }))).map((p) => p.trainer.epoch)).toEqual([2, 4]);
    expect(checkpoints(run(job({ config })))).toEqual([]);
  });

  it('with an interval in seconds, checkpoints at the epoch ends that many seconds after the last one (injected clock)', () => {
    const epochsOf = (points: ReturnType<typeof checkpoints>) => points.map((p) => p.trainer.epoch);
    const stopped = () => 0;
    expect(checkpoints(run(job({ config, checkpointSeconds: 1 }), new ControlBlock(), stopped))).toEqual([]);
    const fast = tickingClock(10_000);
    expect(epochsOf(checkpoints(run(job({ config, checkpointSeconds: 1 }), new ControlBlock(), fast.now)))).toEqual([1, 2, 3, 4]);
    // checkpointEvery wins over the seconds: every 2nd epoch whatever the clock says.
    const both = checkpoints(
      run(job({ config, checkpointEvery: 2, checkpointSeconds: 1 }), new ControlBlock(), tickingClock(10_000).now),
    );
    expect(epochsOf(both)).toEqual([2, 4]);
  });

  it.each(['float32', 'float64'] as const)(
    'a job resumed from epoch k ends with the same weights and epochs k+1… as the whole run (%s)',
    (precision) => {
      const c = { ...config, precision };
      const whole = run(job({ config: c, checkpointEvery: 1 }));
      const [, second] = checkpoints(whole);
      const resumed = run(job({ config: c, resumeFrom: second }));
      expect(weights(resumed)).toEqual(weights(whole));
      const epochs = (m: WorkerToMain[]) => m.flatMap((x) => (x.type === 'progress' ? x.epochs : []));
      expect(epochs(resumed)).toEqual(epochs(whole).slice(2));
      expect(finished(resumed).iteration).toBe(finished(whole).iteration);
    },
  );
});
