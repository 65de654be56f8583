/** Where 2 threads start to pay (`npm run bench -- --only threads-sweep`): the per-step speed-up of 2 threads over 1 by network and batch size. */
import { multiplyAddsPerBatch } from '../src/main/engine/threads';
import { configFor, mlp, randomMnistShaped } from './engine';
import { probeSteps } from './threads-probe';

/** Hidden widths × batch sizes, from ~0.1 M to ~24 M multiply-adds per forward pass. */
const CASES: readonly { hidden: number[]; batch: number }[] = [
  { hidden: [16], batch: 32 },
  { hidden: [16], batch: 100 },
  { hidden: [50], batch: 32 },
  { hidden: [50], batch: 64 },
  { hidden: [50], batch: 100 },
  { hidden: [100], batch: 100 },
  { hidden: [256, 128], batch: 32 },
  { hidden: [256, 128], batch: 64 },
  { hidden: [256, 128], batch: 100 },
];

interface StepStats {
  step: { median: number };
  allMeanMs: number;
}

/** JSON lines: per case, 1- and 2-thread step times (median and mean over ~0.5 s of steps, 2 alternated rounds each). */
export function benchThreadsSweep(helperPath: string): Record<string, unknown>[] {
  const train = randomMnistShaped();
  return CASES.map(({ hidden, batch }) => {
    const architecture = mlp(hidden);
    const multiplyAdds = multiplyAddsPerBatch(architecture, batch);
    // ~0.5 s per measurement on one thread: a step is 3 GEMMs per Affine (6 flops per multiply-add) at ~40 GFLOP/s.
    const steps = Math.max(300, Math.min(3000, Math.round((0.5 * 40e9) / (6 * multiplyAdds))));
    const config = { ...configFor(steps), batchSize: batch };
    const median = { 1: [] as number[], 2: [] as number[] };
    const mean = { 1: [] as number[], 2: [] as number[] };
    for (let round = 0; round < 2; round++) {
      for (const threads of round === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
        const s = probeSteps(architecture, config, train, threads, helperPath, steps) as unknown as StepStats;
        median[threads].push(s.step.median);
        mean[threads].push(s.allMeanMs);
      }
    }
    const best = (v: number[]): number => Math.min(...v);
    return {
      bench: 'threads-sweep',
      network: `784-${hidden.join('-')}-10`,
      batch,
      multiplyAdds,
      steps,
      stepMedianMs: { 1: best(median[1]), 2: best(median[2]) },
      stepMeanMs: { 1: best(mean[1]), 2: best(mean[2]) },
      speedupMedian: Number((best(median[1]) / best(median[2])).toFixed(2)),
      speedupMean: Number((best(mean[1]) / best(mean[2])).toFixed(2)),
    };
  });
}
