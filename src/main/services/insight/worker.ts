/** Entry of the insight worker thread: runs evaluation, diagnostics and boundary-grid jobs off the main process's event loop. */
import { parentPort } from 'node:worker_threads';
import type { InsightJob, InsightReply } from '../../../shared/workers/insight';
import { runInsightJob } from './run-job';
import { toWireError } from '../../../shared/errors';
import { enableRelaxedSimd } from '../../runtime/relaxed-simd';

enableRelaxedSimd();

const port = parentPort;
if (!port) throw new Error('insight worker: must run in a worker thread');

port.on('message', (job: InsightJob) => {
  let reply: InsightReply;
  try {
    reply = { id: job.id, ok: true, result: runInsightJob(job) };
  } catch (error) {
    reply = { id: job.id, ok: false, error: toWireError(error) };
  }
  port.postMessage(reply);
});
