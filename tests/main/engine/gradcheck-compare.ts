/**
 * Shared by gradcheck-job.test.ts and its child Node (gradcheck-relaxed-check.ts): the gradient-check job of a small
 * BatchNormalization network on the reference and on the WebAssembly kernels, and how far the two reports are apart.
 */
import { makeSpiral } from '../../../src/core/datasets/builtin/index';
import type { ArchitectureSpec } from '../../../src/core/spec';
import type { GradientCheckJob } from '../../../src/shared/workers/engine';
import { runGradientCheckJob } from '../../../src/main/engine/gradcheck-job';
import { chooseKernels } from '../../../src/main/engine/kernels';

/** 2–24–24–3 with a Tanh and BatchNormalization, so more than the Affine GEMMs is checked (over 10,000 flops a pass at 10 rows). */
export const ARCH: ArchitectureSpec = {
  inputSize: 2,
  layers: [
    { type: 'Affine', units: 24 },
    { type: 'BatchNormalization' },
    { type: 'Relu' },
    { type: 'Affine', units: 24 },
    { type: 'Tanh' },
    { type: 'Affine', units: 3 },
    { type: 'SoftmaxWithLoss' },
  ],
};

export const JOB: GradientCheckJob = {
  kind: 'gradcheck',
  architecture: ARCH,
  data: makeSpiral({ samplesPerClass: 30, classes: 3, seed: 2 }),
  samples: 10,
  seed: 5,
};

export interface Comparison {
  /** The WebAssembly backend that ran (wasm-simd or wasm-relaxed-simd). */
  kernels: string;
  pass: { reference: boolean; wasm: boolean };
  sameNames: boolean;
  sameKinks: boolean;
  /** max |analytic_wasm − analytic_ref| over every element, divided by the largest |analytic_ref|. */
  analyticDiff: number;
  /** max |numeric_wasm − numeric_ref| over every element. */
  numericDiff: number;
  /** Per parameter: max and mean |analytic − numeric| of each report. */
  errors: { maxAbs: [number, number]; meanAbs: [number, number] }[];
}

/** Run the job on both backends and compare the reports. */
export function compareGradientChecks(job: GradientCheckJob = JOB): Comparison {
  const reference = runGradientCheckJob(job, 'reference');
  const wasm = runGradientCheckJob(job, 'wasm');
  const scale = Math.max(...reference.params.flatMap((p) => Array.from(p.analytic, Math.abs)));
  let analyticDiff = 0;
  let numericDiff = 0;
  wasm.params.forEach((p, k) => {
    const ref = reference.params[k];
    p.analytic.forEach((g, i) => (analyticDiff = Math.max(analyticDiff, Math.abs(g - ref.analytic[i]) / scale)));
    p.numeric.forEach((g, i) => (numericDiff = Math.max(numericDiff, Math.abs(g - ref.numeric[i]))));
  });
  return {
    kernels: chooseKernels('wasm', 0).name,
    pass: { reference: reference.pass, wasm: wasm.pass },
    sameNames: wasm.params.map((p) => p.name).join() === reference.params.map((p) => p.name).join(),
    sameKinks: wasm.params.every((p, k) => p.kink.join() === reference.params[k].kink.join()),
    analyticDiff,
    numericDiff,
    errors: wasm.params.map((p, k) => ({
      maxAbs: [reference.params[k].maxAbs, p.maxAbs],
      meanAbs: [reference.params[k].meanAbs, p.meanAbs],
    })),
  };
}
