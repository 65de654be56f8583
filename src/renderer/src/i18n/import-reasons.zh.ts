/** Simplified Chinese wording of a dataset-import error's stable reason, typed against import-reasons.en.ts. */
import type { importReasonsEn } from './import-reasons.en';

export const importReasonsZh: Record<keyof typeof importReasonsEn, string> = {
  'errors.dataset-import.ambiguous-delimiter': '{file}：无法确定分隔符（分隔符 → 列数：{candidates}），请选择一个',
  'errors.dataset-import.cannot-open': '{file}：无法打开文件',
  'errors.dataset-import.file-too-large': '{file}：文件有 {size} 字节，超过了 {limit} 字节的上限',
  'errors.dataset-import.no-data-rows': '{file}：文件中没有数据行',
  'errors.dataset-import.all-rows-invalid': '{file}：全部 {count} 行数据都无效',
  'errors.dataset-import.idx-bad-magic': '{file}：idx 文件头已损坏：魔数为 {magic}，应为 {expected}',
  'errors.dataset-import.idx-truncated-header': '{file}：idx 文件头已损坏：文件在文件头内就结束了（{bytes} 字节）',
  'errors.dataset-import.too-few-columns': '{file}：文件只有 {count} 列，至少需要 2 列（特征和标签）',
  'errors.dataset-import.label-out-of-range': '{file}：标签列序号 {index} 超出范围：文件有 {count} 列（0–{last}）',
  'errors.dataset-import.feature-out-of-range': '{file}：特征列序号 {index} 超出范围：文件有 {count} 列（0–{last}）',
  'errors.dataset-import.label-not-found': '{file}：找不到标签列“{column}”；现有的列：{columns}',
  'errors.dataset-import.feature-not-found': '{file}：找不到特征列“{column}”；现有的列：{columns}',
  'errors.dataset-import.label-is-feature': '{file}：列“{column}”不能同时作为标签和特征',
  'errors.dataset-import.feature-twice': '{file}：特征列“{column}”被列出了两次',
  'errors.dataset-import.no-features': '{file}：没有剩下任何特征列（所有特征列都是文本，而文本特征被设为丢弃）',
  'errors.dataset-import.label-text-regression': '{file}：标签列“{column}”是文本，不能作为回归目标',
};
