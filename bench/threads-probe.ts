/** Probe of a data-parallel step (`npm run bench -- --only threads-probe`): where the time of each step goes on the run thread, 1 vs 2 threads. */
import { loadavg } from 'node:os';
import type { GradientShards, ShardGradient } from '../src/core/index';
import { createNetwork, Trainer } from '../src/core/index';
import type { Param } from '../src/core/param';
import type { ArchitectureSpec, TrainingConfig } from '../src/core/spec';
import { WorkerGradientShards } from '../src/main/engine/gradient-shards';
import { chooseKernels } from '../src/main/engine/kernels';
import { estimateTrainingMemory } from '../src/main/engine/memory-budget';
import type { TrainJob } from '../src/shared/workers/engine';
import { ProbeSlot } from '../src/shared/workers/gradient';
import type { Dataset } from '../src/core/datasets/dataset';

/** Phases of one step seen from the run thread, in ms. */
const PHASES = [
  'start',
  'local',
  'wait',
  'serial',
  'step',
  'hWake',
  'hValuesIn',
  'hGradient',
  'hGradsOut',
  'hSeen',
  'hBudget',
] as const;

/** Wraps the real shards and timestamps the run thread's calls into them. */
class TimedShards implements GradientShards {
  t = { start0: 0, start1: 0, finish0: 0, finish1: 0 };
  constructor(private readonly inner: GradientShards) {}
  localCount(n: number): number {
    return this.inner.localCount(n);
  }
  start(rows: Int32Array, params: readonly Param[]): void {
    this.t.start0 = performance.now();
    this.inner.start(rows, params);
    this.t.start1 = performance.now();
  }
  finish(): ShardGradient[] {
    this.t.finish0 = performance.now();
    const result = this.inner.finish();
    this.t.finish1 = performance.now();
    return result;
  }
}

const quantile = (values: number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const r3 = (v: number): number => Number(v.toFixed(3));

/** Trains `steps` batches on this thread (as the run worker would), with a helper for 2 threads; per-phase min/median. */
export function probeSteps(
  architecture: ArchitectureSpec,
  config: TrainingConfig,
  train: Dataset,
  threads: number,
  helperPath: string,
  steps: number,
): Record<string, unknown> {
  const estimatedBytes = estimateTrainingMemory(architecture, config).totalBytes;
  const kernels = chooseKernels('wasm', estimatedBytes);
  const network = createNetwork(architecture, { precision: config.precision, seed: config.seed, kernels });
  const trainer = new Trainer(network, train, config);
  const job: TrainJob = {
    kind: 'train',
    architecture,
    config,
    train,
    validation: null,
    test: null,
    kernels: 'wasm',
    estimatedBytes,
    trainEvalRows: 1000,
    progressIntervalMs: 100,
    checkpointEvery: null,
    resumeFrom: null,
  };
  const real = threads > 1 ? new WorkerGradientShards(job, threads, network.params(), helperPath, true) : undefined;
  const timed = real ? new TimedShards(real) : undefined;
  const phases = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<(typeof PHASES)[number], number[]>;
  const origin = performance.timeOrigin;
  try {
    real?.ready();
    for (let i = 0; i < steps && !trainer.done; i++) {
      const t0 = performance.now();
      trainer.trainBatch(timed);
      const t1 = performance.now();
      phases.step.push(t1 - t0);
      if (timed) {
        const { start0, start1, finish0, finish1 } = timed.t;
        phases.start.push(start1 - start0);
        phases.local.push(finish0 - start1);
        phases.wait.push(finish1 - finish0);
        phases.serial.push(t1 - finish1);
        const h = real?.probeTimes(0);
        if (h) {
          phases.hWake.push(h[ProbeSlot.seen] - (origin + start1));
          phases.hValuesIn.push(h[ProbeSlot.valuesIn] - h[ProbeSlot.seen]);
          phases.hGradient.push(h[ProbeSlot.gradient] - h[ProbeSlot.valuesIn]);
          phases.hGradsOut.push(h[ProbeSlot.gradsOut] - h[ProbeSlot.gradient]);
          phases.hSeen.push(origin + finish1 - h[ProbeSlot.gradsOut]);
          phases.hBudget.push(h[ProbeSlot.spinBudget]);
        }
      }
    }
  } finally {
    real?.dispose();
  }
  const first = phases.step.slice(0, 100);
  const summary: Record<string, unknown> = {
    threads,
    steps: phases.step.length,
    loadAverage: r3(loadavg()[0]),
    // The warm-up: the first 100 steps (the kernels' tier-up, caches), and the mean over every step.
    first100MeanMs: r3(first.reduce((a, b) => a + b, 0) / first.length),
    allMeanMs: r3(phases.step.reduce((a, b) => a + b, 0) / phases.step.length),
  };
  for (const p of PHASES) {
    // Skip the first fifth: the kernels' tier-up.
    const v = phases[p].slice(Math.floor(phases[p].length / 5));
    if (v.length > 0)
      summary[p] = {
        min: r3(Math.min(...v)),
        median: r3(quantile(v, 0.5)),
        p90: r3(quantile(v, 0.9)),
        mean: r3(v.reduce((a, b) => a + b, 0) / v.length),
      };
  }
  return summary;
}
