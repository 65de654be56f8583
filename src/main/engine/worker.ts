/** Engine worker entry (built to out/main/engine-worker.js): receives one 'start' message, runs that job, posts the result, exits. */
import { parentPort } from 'node:worker_threads';
import { ControlBlock } from './control';
import { runGradientCheckJob } from './gradcheck-job';
import type { MainToWorker, WorkerFault, WorkerToMain } from '../../shared/workers/engine';
import { runTrainJob } from './train-job';
import { enableRelaxedSimd } from '../runtime/relaxed-simd';

enableRelaxedSimd();

/** Test-only: make this worker fail in the requested way (see WorkerFault). */
function injectFault(fault: WorkerFault): void {
  switch (fault) {
    case 'throw':
      throw new Error('injected fault: the worker threw');
    case 'oom': {
      const hog: number[][] = [];
      for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length + 0.5));
    }
    case 'exit':
      process.exit(3);
      break;
    case 'hang':
      // Spin forever without beating and ignoring every command, like a stuck synchronous loop.
      for (;;) {
        /* spin */
      }
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${String(unknown)}`);
    }
  }
}

function handle(message: MainToWorker, post: (m: WorkerToMain) => void): void {
  switch (message.type) {
    case 'start': {
      if (message.fault) injectFault(message.fault);
      const control = new ControlBlock(message.control);
      try {
        const { job } = message;
        if (job.kind === 'train') runTrainJob(job, control, post);
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
port.once('message', (message: MainToWorker) => handle(message, (m) => port.postMessage(m)));
