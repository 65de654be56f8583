/** The chapter-6 BN grid (32 cells on builtin:digits) through the experiment service: every core at once vs one cell at a time. */
import os from 'node:os';
import { ExperimentService } from '../src/main/services/experiments/service';

/** Run the grid with `concurrency` workers; seconds and the number of BN wins. */
async function timeGrid(workerPath: string, concurrency: number): Promise<{ seconds: number; bnWins: unknown }> {
  const service = new ExperimentService({ workerPath, concurrency });
  try {
    const t0 = performance.now();
    const started = await service.start({ name: 'batchnorm-grid', seed: 1 });
    const done = await service.settled(started.id);
    if (done.status !== 'completed') throw new Error(`the BN grid ended ${done.status}: ${done.error?.detail ?? ''}`);
    return { seconds: (performance.now() - t0) / 1000, bnWins: done.summary?.bnWins };
  } finally {
    await service.dispose();
  }
}

/** One line: serial and parallel wall times, their ratio (the issue asks ≤ 0.6) and the cores used. */
export async function benchExperiments(workerPath: string): Promise<Record<string, unknown>[]> {
  const cores = os.availableParallelism();
  const serial = await timeGrid(workerPath, 1);
  const parallel = await timeGrid(workerPath, cores);
  return [
    {
      bench: 'experiments',
      experiment: 'batchnorm-grid',
      data: 'builtin:digits',
      cells: 32,
      cores,
      serialSeconds: Number(serial.seconds.toFixed(2)),
      parallelSeconds: Number(parallel.seconds.toFixed(2)),
      ratio: Number((parallel.seconds / serial.seconds).toFixed(3)),
      bnWins: parallel.bnWins,
      loadAverage: os.loadavg()[0],
    },
  ];
}
