/**
 * Engine worker entry (built to out/main/engine-worker.js): runs each 'start' message's job to its end and posts the
 * result, one job at a time; between jobs it waits, warm, until the main side gives it another or ends it
 * (worker-pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { ControlBlock } from './control';
import { runGradientCheckJob } from './gradcheck-job';
import type { MainToWorker, WorkerToMain } from '../../shared/workers/engine';
import { runTrainJob, type WarmThread } from './train-job';
import { KernelCache } from './kernels';
import { runExperimentCellJob } from './experiment-cell-job';
import { enableRelaxedSimd } from '../runtime/relaxed-simd';
import { HelperPool } from './helper-pool';

enableRelaxedSimd();

/** The gradient helper bundle built next to this one (data-parallel runs). */
const HELPER_PATH = new URL('./gradient-worker.js', import.meta.url);
/** This worker's kernels and gradient helpers, kept warm between its runs. */
const WARM: WarmThread = { kernels: new KernelCache(), helpers: new HelperPool() };

function handle(message: MainToWorker, post: (m: WorkerToMain) => void): void {
  switch (message.type) {
    case 'start': {
      const control = new ControlBlock(message.control);
      try {
        const { job } = message;
        if (job.kind === 'train') runTrainJob(job, control, post, undefined, HELPER_PATH, WARM);
        else if (job.kind === 'experiment-cell') runExperimentCellJob(job, control, post);
        else post({ type: 'gradcheck', report: runGradientCheckJob(job) });
      } catch (error) {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
      break;
    }
    default: {
      const unknown: never = message.type;
      throw new Error(`engine worker: unknown message type ${String(unknown)}`);
    }
  }
}

const port = parentPort;
if (!port) throw new Error('engine worker: must run in a worker thread (no parentPort)');
port.on('message', (message: MainToWorker) => handle(message, (m) => port.postMessage(m)));
