/** Simplified Chinese wording of the hardening errors, typed against hardening.en.ts. */
import type { hardeningEn } from './hardening.en';

export const hardeningZh: Record<keyof typeof hardeningEn, string> = {
  'errors.dataset-prepare': '无法为本次训练划分数据集 {dataset}：{reason}',
};
