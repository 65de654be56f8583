/** The gradient-check job as the worker executes it: a float64 network checked on the first rows of a dataset. */
import { checkCompatible, createNetwork, createRng, gradientCheck, type GradientCheckReport } from '../../core/index';
import { BatchLoader } from '../../core/training/batch-loader';
import type { GradientCheckJob } from '../../shared/workers/engine';

/**
 * Build the network in float64 (seeded, or from `initialState`) and run the core gradient check on
 * `samples` rows drawn with `seed` (not the first rows: sorted data such as a spiral starts at a ReLU kink).
 */
export function runGradientCheckJob(job: GradientCheckJob): GradientCheckReport {
  const network = createNetwork(job.architecture, { precision: 'float64', seed: job.seed });
  if (job.initialState) network.importState(job.initialState);
  const width = checkCompatible(network, job.data, 'Gradient-check');
  const samples = Math.min(job.samples, job.data.n);
  const loader = new BatchLoader(samples, job.data.d, width, 'float64', network.kernels);
  const order = Int32Array.from({ length: job.data.n }, (_, i) => i);
  createRng(job.seed).shuffle(order);
  const { x, t } = loader.load(job.data, order, 0, samples);
  return gradientCheck(network, x, t);
}
