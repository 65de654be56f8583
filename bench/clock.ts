/** The benches' clock: this process's CPU milliseconds (robust when other jobs share the cores), else wall clock. */

export const hasCpuClock = typeof process !== 'undefined' && typeof process.cpuUsage === 'function';

/** Milliseconds of CPU time used by this process so far (or wall-clock milliseconds where CPU time is unavailable). */
export function now(): number {
  if (!hasCpuClock) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
