/** Benchmark of data-parallel training: one run on 1 and on 2 threads through the engine, long enough and often enough to compare. */
import { loadavg } from 'node:os';
import type { ArchitectureSpec, TrainingConfig } from '../src/core/spec';
import type { RunSummary } from '../src/shared/runs';

/** Rounds per network; each round runs 1 and 2 threads back to back, in alternating order (A B, B A, …). */
export const THREAD_ROUNDS = 5;

/** One network of the comparison: its hidden widths and iterations per run (≈ 2–3 s of training on one thread, idle). */
export interface ThreadCase {
  hidden: readonly number[];
  iterations: number;
}

/**
 * 784–50–10 and 784–256–128–10 at batch 100: ≥ 20 epochs of the 10,000-row set per run, so the helper's first steps
 * (its kernels' tier-up) and the per-epoch evaluations weigh as they do in a real run, not as in a 0.5 s one.
 */
export const THREAD_CASES: readonly ThreadCase[] = [
  { hidden: [50], iterations: 3000 },
  { hidden: [256, 128], iterations: 1000 },
];

/**
 * The same networks trained 5× longer (`--only threads-long`, 3 rounds: ~2 min): the rate a long run reaches. A
 * two-thread run's first few thousand split steps are slower than the rest (its fresh threads' code is compiled by
 * V8's background threads, which take a core from one of the two busy threads), which the default cases' 1,000–3,000
 * iterations weigh heavily.
 */
export const LONG_THREAD_CASES: readonly ThreadCase[] = THREAD_CASES.map((c) => ({ ...c, iterations: 5 * c.iterations }));
export const LONG_THREAD_ROUNDS = 3;

/** Runs one training run through the engine and returns its summary (the engine's own training clock). */
export type RunOnce = (architecture: ArchitectureSpec, config: TrainingConfig) => Promise<RunSummary>;

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const round2 = (v: number): number => Number(v.toFixed(2));

/** Median, best and every round's training samples/s. */
function rates(values: readonly number[]): Record<string, unknown> {
  return {
    samplesPerSecondMedian: Math.round(median(values)),
    samplesPerSecondBest: Math.round(Math.max(...values)),
    samplesPerSecondRounds: values.map(Math.round),
  };
}

/**
 * JSON lines, per network: 1 thread, then 2 threads with the speed-up, from THREAD_ROUNDS interleaved rounds.
 * `speedupMedian` is the median over the rounds of (2-thread rate / the 1-thread rate of the same round), robust
 * to the load drifting between rounds; `speedupBest` is best over best. The load average before and after says
 * whether the figures measure our code (load < 1 on 2 cores) or the queue for the cores.
 */
export async function benchThreads(
  run: RunOnce,
  architectureOf: (hidden: readonly number[]) => ArchitectureSpec,
  configFor: (iterations: number) => TrainingConfig,
  cases: readonly ThreadCase[] = THREAD_CASES,
  rounds = THREAD_ROUNDS,
): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  for (const { hidden, iterations } of cases) {
    const architecture = architectureOf(hidden);
    const config = configFor(iterations);
    const loadBefore = loadavg()[0];
    const one: number[] = [];
    const two: number[] = [];
    let kernels = '';
    for (let round = 0; round < rounds; round++) {
      for (const threads of round % 2 === 0 ? [1, 2] : [2, 1]) {
        const summary = await run(architecture, { ...config, threads });
        kernels = summary.kernels ?? kernels;
        (threads === 1 ? one : two).push(summary.samplesPerSecond);
      }
    }
    const base = {
      bench: 'train-threads',
      network: `784-${hidden.join('-')}-10`,
      dtype: config.precision,
      batch: config.batchSize,
      iterations,
      rounds,
      mode: 'engine',
      kernels,
      loadAverageBefore: round2(loadBefore),
      loadAverageAfter: round2(loadavg()[0]),
    };
    lines.push({ ...base, threads: 1, ...rates(one) });
    lines.push({
      ...base,
      threads: 2,
      ...rates(two),
      speedupMedian: round2(median(two.map((r, k) => r / one[k]))),
      speedupBest: round2(Math.max(...two) / Math.max(...one)),
      targetSpeedup: hidden.length === 2 ? 1.7 : null,
    });
  }
  return lines;
}
