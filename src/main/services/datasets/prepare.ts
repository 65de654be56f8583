/** prepareDataset: split and normalize an imported dataset (the pure work is prepareSplits in src/core), in the calling thread or in a dataset worker. */
import { Worker } from 'node:worker_threads';
import { prepareSplits, type PrepareOptions } from '../../../core/datasets/prepare';
import { AppError } from '../../../shared/errors';
import type { ImportResult, PreparedData } from '../../../shared/datasets';
import type { FromWorker, ToWorker } from '../../../shared/workers/datasets';

/** Train / validation / test split (stratified, seeded) and a normalization fitted on train only. */
export function prepareDataset(imported: ImportResult, options: PrepareOptions): PreparedData {
  const splits = prepareSplits(imported.dataset, imported.publishedTest, options);
  return { ...splits, report: imported.report };
}

/**
 * The dataset worker's JS heap cap while it splits: the splits' matrices live on SharedArrayBuffers (bounded by the
 * run's memory budget, checked before), so the heap holds little more than the targets' copies.
 */
export const PREPARE_WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

/** A preparation that failed (an exception, a failed allocation, the worker's heap exhausted): code dataset-prepare. */
export function prepareError(dataset: string, reason: string): AppError {
  return new AppError('dataset-prepare', `dataset "${dataset}" could not be split for the run: ${reason}`, { dataset, reason });
}

/**
 * The same as prepareDataset, in a dataset worker (`workerPath`, the built dataset-worker.js): a failure there,
 * fatal or not, rejects with a dataset-prepare AppError and leaves the calling thread untouched.
 */
export function prepareInWorker(
  workerPath: string,
  name: string,
  imported: ImportResult,
  options: PrepareOptions,
): Promise<PreparedData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { resourceLimits: PREPARE_WORKER_LIMITS });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    const fail = (reason: string) => finish(() => reject(prepareError(name, reason)));
    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'prepared':
          finish(() => resolve({ ...m.splits, report: imported.report }));
          return;
        case 'failed':
          fail(m.message);
          return;
        case 'progress':
        case 'done':
          fail(`the dataset worker answered a split with '${m.type}'`);
          return;
        default: {
          const never: never = m;
          fail(`unknown worker message ${JSON.stringify(never)}`);
        }
      }
    });
    worker.on('error', (e) => fail(`the dataset worker failed: ${e.message}`));
    worker.on('exit', (code) => fail(`the dataset worker exited (code ${code}) before answering`));
    const { dataset, publishedTest } = imported;
    worker.postMessage({ type: 'prepare', dataset, publishedTest, options } satisfies ToWorker);
  });
}
