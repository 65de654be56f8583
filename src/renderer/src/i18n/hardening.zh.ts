/** Simplified Chinese wording of the hardening errors, typed against hardening.en.ts. */
import type { hardeningEn } from './hardening.en';

export const hardeningZh: Record<keyof typeof hardeningEn, string> = {
  'errors.dataset-prepare': '无法为本次训练划分数据集 {dataset}：{reason}',
  'runFailure.where.loss': '损失',
  'runFailure.where.gradient': '梯度',
  'runFailure.where.weight': '权重',
  'runFailure.nonFiniteIn':
    '训练已停止：{parameter} 的{where}在第 {epoch} 轮第 {batch} 批变成了 NaN 或无穷大；已保留最后一组有限的权重。',
};
