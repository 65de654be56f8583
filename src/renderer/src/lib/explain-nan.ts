/** Turns a NonFiniteReport into sentences a user can act on: where the NaN appeared and what to change. */
import type { ArchitectureSpec } from '../../../core/spec';
import { layerNumber, parameterName } from '../../../core/network/layer-number';
import type { NonFiniteReport } from '../../../shared/runs';
import type { MessageKey } from '../i18n/en';

export interface Sentence {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** A learning rate ten times smaller, written without float noise (0.5 → 0.05). */
export function lowerLearningRate(learningRate: number): number {
  return Number((learningRate / 10).toPrecision(2));
}

/**
 * The explanation of a NaN/Infinity stop: one sentence for where (loss, or layer and parameter), then the fixes,
 * the first always a lower learning rate. Layer numbers are shown 1-based like the editor's list.
 */
export function explainNonFinite(report: NonFiniteReport, architecture: ArchitectureSpec, learningRate: number): Sentence[] {
  const base = { epoch: report.epoch + 1, batch: report.batch, iteration: report.iteration, what: 'NaN/∞' };
  const layerType = report.layer === null ? '?' : (architecture.layers[report.layer]?.type ?? '?');
  const where: Sentence =
    report.where === 'loss' || report.layer === null
      ? { key: 'nan.where.loss', params: base }
      : {
          key: report.where === 'gradient' ? 'nan.where.gradient' : 'nan.where.weight',
          params: {
            ...base,
            layer: layerNumber(report.layer),
            type: layerType,
            parameter: report.parameter ? parameterName(report.parameter) : '?',
          },
        };
  const fixes: Sentence[] = [{ key: 'nan.fix.lr', params: { lr: learningRate, suggested: lowerLearningRate(learningRate) } }];
  const hasBatchNorm = architecture.layers.some((l) => l.type === 'BatchNormalization');
  if (!hasBatchNorm) fixes.push({ key: 'nan.fix.init', params: {} });
  fixes.push({ key: 'nan.fix.normalize', params: {} });
  return [where, ...fixes];
}
