/** Execute one insight job (what the worker thread does; plain function so that tests call it directly). */
import { evaluateClassifier } from './evaluate';
import { diagnose } from './diagnostics';
import { predictGrid } from './boundary';
import { insightNetwork } from './network';
import { inferenceChunkRows } from '../../engine/inference-chunk';
import { pcaPlane } from '../../../core/projection/plane';
import type { InsightJob, InsightJobResult } from '../../../shared/workers/insight';

/**
 * Fit a PCA plane, or build the job's float64 network from its tensors (on the fast kernels) and run the evaluation or
 * the boundary grid in chunks of inferenceChunkRows, or the diagnostics on their one batch (its gradient and its
 * BatchNormalization statistics are those of the whole batch, so it is not split; INSIGHT_LIMITS.diagnosticsRows bounds it).
 */
export function runInsightJob(job: InsightJob): InsightJobResult {
  if (job.kind === 'pca') return { kind: 'pca', ...pcaPlane(job.x, job.n, job.d) };
  const chunk = inferenceChunkRows(job.architecture);
  const network = insightNetwork(
    job.architecture,
    job.tensors,
    0,
    job.kind === 'diagnostics' ? Math.max(chunk, job.rows) : chunk,
  );
  switch (job.kind) {
    case 'evaluate':
      return {
        kind: 'evaluate',
        evaluation: evaluateClassifier(network, job.data, job.maxRows, job.maxMisclassified, job.withPixels, chunk),
      };
    case 'diagnostics':
      return { kind: 'diagnostics', ...diagnose(network, job.data, job.rows) };
    case 'boundary':
      return { kind: 'boundary', ...predictGrid(network, job.plane, job.aRange, job.bRange, job.resolution, chunk) };
    default: {
      const never: never = job;
      throw new Error(`insight worker: unknown job ${JSON.stringify(never)}`);
    }
  }
}
