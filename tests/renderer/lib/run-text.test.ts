/** A run's settings and failure are worded in the current language (the runs table and its tooltips). */
import { afterEach, describe, expect, it } from 'vitest';
import { runConfigText, runFailureText } from '../../../src/renderer/src/lib/run-text';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { runSummary } from '../fake-api';

const nanRun = runSummary({
  status: 'failed',
  failureReason: 'non-finite gradient in L1.W at epoch 3, batch 2',
  nonFinite: { epoch: 2, batch: 2, iteration: 40, where: 'gradient', layer: 0, parameter: 'layers.0.W' },
});

afterEach(() => applyLanguage('en'));

describe('run text', () => {
  it('says the layer sizes, optimizer, learning rate, batch and epochs', () => {
    applyLanguage('en');
    const run = runSummary({});
    expect(runConfigText(run)).toMatch(/^\d+(–\d+)* · \w+ · lr [\d.e-]+ · batch \d+ · \d+ epochs$/);
    applyLanguage('zh');
    expect(runConfigText(run)).toMatch(/学习率 .* 批量 \d+ · \d+ 轮$/);
    expect(runConfigText(run)).not.toMatch(/\b(lr|batch|epochs)\b/);
  });

  it('words a non-finite failure from its report (epoch and layer 1-based: layers.0.W is L1.W), in English and 中文', () => {
    applyLanguage('en');
    expect(runFailureText(nanRun)).toBe('non-finite gradient in L1.W at epoch 3, batch 2; the last finite weights are kept');
    applyLanguage('zh');
    expect(runFailureText(nanRun)).toBe('第 3 轮第 2 批 L1.W 出现非有限的梯度；保留最后一组有限权重');
  });

  it('words any other failure from its code and params, in English and 中文', () => {
    const failed = runSummary({
      status: 'failed',
      failureReason: 'dataset "ds1" could not be split for the run: the dataset worker exited (code 70) before answering',
      failure: {
        code: 'dataset-prepare',
        message: 'dataset "ds1" could not be split for the run: the dataset worker exited (code 70) before answering',
        params: { dataset: 'ds1', reason: 'the dataset worker exited (code 70) before answering' },
      },
    });
    applyLanguage('en');
    expect(runFailureText(failed)).toBe(
      'The dataset ds1 could not be split for the run: the dataset worker exited (code 70) before answering',
    );
    applyLanguage('zh');
    expect(runFailureText(failed)).toBe('无法为本次训练划分数据集 ds1：the dataset worker exited (code 70) before answering');
    const crashed = runSummary({
      status: 'failed',
      failureReason: 'worker exited',
      failure: { code: 'run-failed', message: 'worker exited', params: { reason: 'worker exited' } },
    });
    expect(runFailureText(crashed)).toBe('训练失败：worker exited');
  });

  it("keeps a worker's own reason when there is no report", () => {
    expect(runFailureText(runSummary({ status: 'failed', failureReason: 'worker exited' }))).toBe('worker exited');
  });
});
