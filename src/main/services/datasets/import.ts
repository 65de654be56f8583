/** importDataset: parse CSV / idx sources in the import worker (built dataset-worker.js), built-ins in-thread. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatasetImportError } from './errors';
import { importInThread } from './import-in-thread';
import type { FromWorker, ToWorker } from '../../../shared/workers/datasets';
import type { DataSource, ImportOptions, ImportProgress, ImportResult } from '../../../shared/datasets';

/** Where and how to import: host-provided, never from the renderer. */
export interface ImportEnv {
  /** Path of the built dataset-worker.js (default: next to the running bundle). */
  workerPath?: string;
  /** Folder holding datasets/iris.csv (default: found by walking up). */
  resourcesDir?: string;
  /** Parse in the calling thread (tests, or when no worker build exists). */
  inThread?: boolean;
}

const CANCEL_GRACE_MS = 2000;

/**
 * The import worker's JS heap cap: a parse that runs away (strings, statistics) fails in the worker, which is reported
 * as an import error, instead of taking the host process down. The dataset's arrays live in SharedArrayBuffers,
 * outside this cap, and are bounded by the import budget (maxRows, memoryBudgetBytes) instead.
 */
export const IMPORT_WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

/** The built worker next to this module or its parent (bundles put shared code in out/main/chunks/). */
export function defaultWorkerPath(): string | null {
  for (const rel of ['./dataset-worker.js', '../dataset-worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

function sourceLabel(source: DataSource): string {
  return source.kind === 'csv' || source.kind === 'idx-folder'
    ? source.path
    : source.kind === 'idx'
      ? source.imagesPath
      : `builtin:${source.name}`;
}

/** An import whose worker failed (an exception, heap exhaustion, an exit): a DatasetImportError, so the person sees code dataset-import. */
function stopped(source: DataSource, why: string): DatasetImportError {
  return new DatasetImportError(
    sourceLabel(source),
    `the import stopped: the import worker failed (${why}); the file may need more memory than the import worker has`,
  );
}

function runWorker(
  workerPath: string,
  message: ToWorker,
  source: DataSource,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { resourceLimits: IMPORT_WORKER_LIMITS });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      f();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      setTimeout(
        () => finish(() => reject(new DatasetImportError(sourceLabel(source), 'the import was cancelled'))),
        CANCEL_GRACE_MS,
      ).unref();
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'progress':
          onProgress?.(m.progress);
          return;
        case 'done':
          finish(() => resolve(m.result));
          return;
        case 'failed':
          finish(() => reject(m.error ? DatasetImportError.fromJSON(m.error) : stopped(source, m.message)));
          return;
        case 'prepared':
          finish(() => reject(stopped(source, 'it answered an import with a split')));
          return;
        default: {
          const never: never = m;
          finish(() => reject(new Error(`unknown worker message ${JSON.stringify(never)}`)));
        }
      }
    });
    worker.on('error', (e) => finish(() => reject(stopped(source, e.message))));
    worker.on('exit', (code) => finish(() => reject(stopped(source, `it exited (code ${code}) before answering`))));
    worker.postMessage(message);
  });
}

/**
 * Import a data source. CSV and idx parsing runs in a worker thread; the dataset's x is on a
 * SharedArrayBuffer (shared, not copied, with training workers). Throws DatasetImportError on bad data.
 */
export async function importDataset(
  source: DataSource,
  options: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
  env: ImportEnv = {},
): Promise<ImportResult> {
  if (signal?.aborted) throw new DatasetImportError(sourceLabel(source), 'the import was cancelled');
  const workerPath = env.workerPath ?? defaultWorkerPath();
  if (env.workerPath !== undefined && !existsSync(env.workerPath))
    throw new Error(`dataset worker not found at ${env.workerPath}`);
  if (source.kind === 'builtin' || env.inThread === true || workerPath === null) {
    const result = await importInThread(source, options, onProgress, signal, env.resourcesDir);
    if (source.kind !== 'builtin' && env.inThread !== true)
      result.report.warnings.push('parsed in the calling thread: dataset-worker.js was not found');
    return result;
  }
  return runWorker(workerPath, { type: 'import', source, options, resourcesDir: env.resourcesDir }, source, onProgress, signal);
}
