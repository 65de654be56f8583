/**
 * Gradient check: compares backprop gradients with central differences (f(w+h) − f(w−h)) / 2h in float64,
 * per parameter, reporting max/mean absolute differences, max relative error and ReLU kinks.
 */
import type { Matrix } from '../matrix';
import type { Labels } from '../labels';
import type { Param } from '../param';
import type { Sequential } from '../network/sequential';
import { patternsDiffer, signPattern } from './kinks';
import { summarise } from './summary';
import type { ParamCheck } from './summary';

export type { ParamCheck } from './summary';

export interface GradientCheckOptions {
  /** Perturbation (default 1e-5). */
  h?: number;
  /** An element fails when its relative error exceeds this (default 1e-4)… */
  maxRelThreshold?: number;
  /** …and its absolute difference exceeds this; a parameter also fails when its mean absolute difference does (default 1e-6). */
  meanAbsThreshold?: number;
}

export interface GradientCheckReport {
  params: ParamCheck[];
  pass: boolean;
  h: number;
  thresholds: { maxRel: number; meanAbs: number };
}

export const GRADIENT_CHECK_DEFAULTS = { h: 1e-5, maxRel: 1e-4, meanAbs: 1e-6 } as const;

/** Numerical gradient of one param: perturbs each element by ±h, restores it, and marks kink elements. */
function numericGradient(
  network: Sequential,
  p: Param,
  x: Matrix,
  t: Labels,
  h: number,
): { numeric: Float64Array; kink: Uint8Array } {
  const numeric = new Float64Array(p.value.length);
  const kink = new Uint8Array(p.value.length);
  let plus: Uint8Array = new Uint8Array(0);
  let minus: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < p.value.length; i++) {
    const original = p.value[i];
    p.value[i] = original + h;
    const fPlus = network.loss(x, t, true);
    plus = signPattern(network.kinkInputs(), plus);
    p.value[i] = original - h;
    const fMinus = network.loss(x, t, true);
    minus = signPattern(network.kinkInputs(), minus);
    p.value[i] = original;
    numeric[i] = (fPlus - fMinus) / (2 * h);
    kink[i] = patternsDiffer(plus, minus) ? 1 : 0;
  }
  return { numeric, kink };
}

/**
 * Check every parameter's backprop gradient for the loss on (x, t) in training mode (Dropout masks frozen).
 * The network must be float64; its parameters and buffers are left exactly as they were.
 */
export function gradientCheck(
  network: Sequential,
  x: Matrix,
  t: Labels,
  options: GradientCheckOptions = {},
): GradientCheckReport {
  if (network.precision !== 'float64')
    throw new Error(`gradientCheck: the network must be float64 (build it with precision 'float64'), got ${network.precision}`);
  const h = options.h ?? GRADIENT_CHECK_DEFAULTS.h;
  const maxRel = options.maxRelThreshold ?? GRADIENT_CHECK_DEFAULTS.maxRel;
  const meanAbs = options.meanAbsThreshold ?? GRADIENT_CHECK_DEFAULTS.meanAbs;
  for (const [name, v] of [
    ['h', h],
    ['maxRelThreshold', maxRel],
    ['meanAbsThreshold', meanAbs],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`gradientCheck: ${name} must be a positive number, got ${v}`);
  }
  const saved = network.exportState();
  try {
    network.setDropoutFrozen(false);
    network.gradient(x, t);
    network.setDropoutFrozen(true);
    const params = network.params();
    const analytic = params.map((p) => Float64Array.from(p.grad));
    const checks = params.map((p, k) => {
      const { numeric, kink } = numericGradient(network, p, x, t, h);
      return summarise(p.name, p.shape, analytic[k], numeric, kink, maxRel, meanAbs);
    });
    return { params: checks, pass: checks.every((c) => c.pass), h, thresholds: { maxRel, meanAbs } };
  } finally {
    network.setDropoutFrozen(false);
    network.importState(saved);
  }
}
