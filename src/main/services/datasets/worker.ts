/** The dataset worker thread (built to out/main/dataset-worker.js): parses one source, or splits one dataset for a run, off the main thread. */
import { parentPort } from 'node:worker_threads';
import { DatasetImportError } from './errors';
import { importInThread } from './import-in-thread';
import { prepareSplits } from '../../../core/datasets/prepare';
import type { FromWorker, ToWorker } from '../../../shared/workers/datasets';

const port = parentPort;
if (!port) throw new Error('dataset-worker.js must run as a worker thread');
const abort = new AbortController();
const post = (m: FromWorker) => port.postMessage(m);
const failure = (e: unknown): FromWorker => ({
  type: 'failed',
  error: e instanceof DatasetImportError ? e.toJSON() : null,
  message: e instanceof Error ? e.message : String(e),
});

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'cancel':
      abort.abort();
      return;
    case 'import': {
      let lastProgress = 0;
      const onProgress: Parameters<typeof importInThread>[2] = (progress) => {
        const now = Date.now();
        if (now - lastProgress < 100) return;
        lastProgress = now;
        post({ type: 'progress', progress });
      };
      importInThread(message.source, message.options, onProgress, abort.signal, message.resourcesDir).then(
        (result) => post({ type: 'done', result }),
        (e: unknown) => post(failure(e)),
      );
      return;
    }
    case 'prepare':
      try {
        post({ type: 'prepared', splits: prepareSplits(message.dataset, message.publishedTest, message.options) });
      } catch (e) {
        post(failure(e));
      }
      return;
    default: {
      const never: never = message;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
});
