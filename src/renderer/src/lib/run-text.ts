/** A run's settings and failure in the current language, for the runs table (and its tooltips). */
import type { OptimizerName } from '../../../core/spec';
import type { RunSummary } from '../../../shared/runs';
import { parameterLabel } from '../../../core/network/layer-number';
import { t } from '../i18n/i18n.svelte';
import { AppError } from '../../../shared/errors';
import { describeError } from './describe-error';

/** Optimizer names as the book and the libraries write them (proper names: the same in every language). */
export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSprop',
  adam: 'Adam',
};

/** "2–10–3 · Adam · lr 0.01 · batch 32 · 300 epochs": the layer sizes and the main training settings. */
export function runConfigText(run: RunSummary): string {
  const hidden = run.architecture.layers.filter((l) => l.type === 'Affine').map((l) => ('units' in l ? l.units : 0));
  return t('runs.configText', {
    sizes: [run.architecture.inputSize, ...hidden].join('–'),
    optimizer: OPTIMIZER_LABELS[run.config.optimizer],
    learningRate: run.config.learningRate,
    batch: run.config.batchSize,
    epochs: run.config.epochs,
  });
}

/**
 * Why a run failed: a non-finite value is worded from its report (epochs and layers 1-based); any other failure from its code
 * and params (run-failed, dataset-prepare); a run saved before failures had codes by its English reason.
 */
export function runFailureText(run: RunSummary): string {
  const n = run.nonFinite;
  if (n) {
    const where = t(`runs.nonFinite.${n.where}`);
    const params = { where, epoch: n.epoch + 1, batch: n.batch };
    return n.parameter
      ? t('runs.failure.nonFiniteIn', { ...params, parameter: parameterLabel(n.parameter) }) // L1.W: the editor's layer 1
      : t('runs.failure.nonFinite', params);
  }
  if (run.failure) return describeError(AppError.fromWire(run.failure));
  return run.failureReason ?? '';
}
