/** Predict 表单填充（数据集行、粘贴的行）与最近模型的中文字符串。 */
import type { predictEn } from './predict.en';

export const predictZh: Record<keyof typeof predictEn, string> = {
  'predict.fill': '填写表单',
  'predict.rowNumber': '{name} 的第几行（1–{n}）',
  'predict.useRow': '使用这一行',
  'predict.rowMissing': '已加载的数据集缺少模型需要的特征 {missing}。',
  'predict.paste': '粘贴一行 CSV',
  'predict.fillPasted': '用粘贴的行填写',
  'predict.pasteCount': '粘贴的行有 {fields} 个字段；模型需要 {expected} 个（或多一个标签，会被忽略）。',
  'predict.reopen': '打开 {name}',
  'predict.recentMissing': '{name} 已不存在，已从列表中移除。',
};
