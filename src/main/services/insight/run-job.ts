/** Execute one insight job (what the worker thread does; plain function so that tests call it directly). */
import { evaluateClassifier } from './evaluate';
import { diagnose } from './diagnostics';
import { predictGrid } from './boundary';
import { insightNetwork } from './network';
import { pcaPlane } from '../../../core/projection/plane';
import type { InsightJob, InsightJobResult } from '../../../shared/workers/insight';

/** Fit a PCA plane, or build the job's float64 network from its tensors and run the evaluation, the diagnostics or the boundary grid. */
export function runInsightJob(job: InsightJob): InsightJobResult {
  if (job.kind === 'pca') return { kind: 'pca', ...pcaPlane(job.x, job.n, job.d) };
  const network = insightNetwork(job.architecture, job.tensors);
  switch (job.kind) {
    case 'evaluate':
      return {
        kind: 'evaluate',
        evaluation: evaluateClassifier(network, job.data, job.maxRows, job.maxMisclassified, job.withPixels),
      };
    case 'diagnostics':
      return { kind: 'diagnostics', ...diagnose(network, job.data, job.rows) };
    case 'boundary':
      return { kind: 'boundary', ...predictGrid(network, job.plane, job.aRange, job.bRange, job.resolution) };
    default: {
      const never: never = job;
      throw new Error(`insight worker: unknown job ${JSON.stringify(never)}`);
    }
  }
}
