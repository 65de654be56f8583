/** The gradient-check job as the worker executes it: a float64 network checked on the first rows of a dataset. */
import { checkCompatible, createNetwork, createRng, gradientCheck, type GradientCheckReport } from '../../core/index';
import { BatchLoader } from '../../core/training/batch-loader';
import type { GradientCheckJob } from '../../shared/workers/engine';
import { forwardFlopsPerRow, inferenceBytes } from './inference-chunk';
import { jobKernels } from './inference-kernels';
import type { KernelChoice } from './kernels';

/**
 * Forward flops of one perturbed pass (samples × flops per row) from which the WebAssembly kernels pay: below it a
 * call's fixed cost and the instance's creation outweigh the arithmetic (measured on 10 samples: 2–10–10–3, 5,300 flops,
 * 3.2 ms on the reference kernels and 6.9 ms on WebAssembly; 4–16–16–3, 10,900 flops, 9.9 and 9.8 ms; 8–32–32–3,
 * 34,000 flops, 100 and 34 ms; 2–100–100–3, 230,000 flops, 4.7 s and 0.77 s).
 */
export const GRADCHECK_WASM_FLOPS = 10_000;

/** The kernels a gradient check of `samples` rows of `architecture` runs fastest on (see GRADCHECK_WASM_FLOPS). */
export function gradientCheckKernels(job: GradientCheckJob, samples: number): KernelChoice {
  return samples * forwardFlopsPerRow(job.architecture) >= GRADCHECK_WASM_FLOPS ? 'wasm' : 'reference';
}

/**
 * Build the network in float64 (seeded, or from `initialState`) on `choice`'s kernels (default: the faster for its
 * size; the WebAssembly ones compute in exact IEEE float64 like the reference ones, only the order of the GEMM sums
 * differs, far below the check's thresholds) and run the core gradient check on `samples` rows drawn with `seed` (not
 * the first rows: sorted data such as a spiral starts at a ReLU kink).
 */
export function runGradientCheckJob(job: GradientCheckJob, choice?: KernelChoice): GradientCheckReport {
  const samples = Math.min(job.samples, job.data.n);
  const kernels = jobKernels(inferenceBytes(job.architecture, 'float64', samples), choice ?? gradientCheckKernels(job, samples));
  const network = createNetwork(job.architecture, { precision: 'float64', seed: job.seed, kernels });
  if (job.initialState) network.importState(job.initialState);
  const width = checkCompatible(network, job.data, 'Gradient-check');
  const loader = new BatchLoader(samples, job.data.d, width, 'float64', network.kernels);
  const order = Int32Array.from({ length: job.data.n }, (_, i) => i);
  createRng(job.seed).shuffle(order);
  const { x, t } = loader.load(job.data, order, 0, samples);
  return gradientCheck(network, x, t);
}
