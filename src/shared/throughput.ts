/** Training throughput as runs report it (RunSummary.samplesPerSecond). */

/** Rows trained per second of `ms` milliseconds; 0 when no time was measured (not a division by zero). */
export function samplesPerSecond(samples: number, ms: number): number {
  return ms > 0 ? (samples * 1000) / ms : 0;
}
