/** Run a gradient check on an engine worker and turn the core's report into the service's JSON-friendly result. */
import type { ResourceLimits } from 'node:worker_threads';
import type { GradientCheckReport } from '../../../core/index';
import type { Dataset } from '../../../core/datasets/dataset';
import { WorkerJob } from '../../engine/worker-job';
import type { GradientCheckRequest, GradientCheckResult } from '../../../shared/runs';

/** Convert the core report: statistics as numbers, per-element errors kept as Float64Array, kinks as an index list. */
export function toGradientCheckResult(report: GradientCheckReport, samples: number): GradientCheckResult {
  return {
    pass: report.pass,
    h: report.h,
    thresholds: { ...report.thresholds },
    samples,
    params: report.params.map((p) => {
      const kinkIndices: number[] = [];
      p.kink.forEach((k, i) => {
        if (k !== 0) kinkIndices.push(i);
      });
      return {
        name: p.name,
        shape: [...p.shape],
        maxAbs: p.maxAbs,
        meanAbs: p.meanAbs,
        maxRel: p.maxRel,
        worstIndex: p.worstIndex,
        pass: p.pass,
        kinkCount: p.kinkCount,
        analytic: p.analytic,
        numeric: p.numeric,
        absDiff: p.absDiff,
        relError: p.relError,
        kinkIndices,
      };
    }),
  };
}

/** Check `request.architecture` on `request.samples` rows of `data` in a worker (float64). */
export async function runGradientCheck(
  request: GradientCheckRequest,
  data: Dataset,
  options: { workerPath: string; resourceLimits?: ResourceLimits },
): Promise<GradientCheckResult> {
  if (data.d !== request.architecture.inputSize) {
    throw new Error(`the architecture expects ${request.architecture.inputSize} inputs but the dataset has ${data.d} features`);
  }
  const samples = Math.min(request.samples, data.n);
  let report: GradientCheckReport | null = null;
  const job = new WorkerJob({
    workerPath: options.workerPath,
    job: {
      kind: 'gradcheck',
      architecture: request.architecture,
      data,
      samples,
      seed: request.seed,
      initialState: request.initialState,
    },
    resourceLimits: options.resourceLimits,
    onMessage: (message) => {
      if (message.type === 'gradcheck') report = message.report;
    },
  });
  const outcome = await job.exited;
  if (outcome.kind !== 'finished' || report === null) {
    throw new Error(`gradient check failed: ${outcome.kind === 'finished' ? 'the worker sent no report' : outcome.reason}`);
  }
  return toGradientCheckResult(report, samples);
}
