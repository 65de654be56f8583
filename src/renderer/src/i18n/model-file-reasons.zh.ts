/** Simplified Chinese wording of a model-file error's stable reason, typed against model-file-reasons.en.ts. */
import type { modelFileReasonsEn } from './model-file-reasons.en';

export const modelFileReasonsZh: Record<keyof typeof modelFileReasonsEn, string> = {
  'errors.model-file.cannot-open': '无法使用模型文件 {file}：无法打开文件',
  'errors.model-file.cannot-read': '无法使用模型文件 {file}：无法读取文件',
  'errors.model-file.cannot-save': '无法保存模型文件 {file}',
  'errors.model-file.too-large': '无法使用模型文件 {file}：文件超过了大小上限',
  'errors.model-file.changed-while-reading': '无法使用模型文件 {file}：读取期间文件发生了变化',
  'errors.model-file.bad-header': '无法使用模型文件 {file}：文件头无效',
  'errors.model-file.layout-mismatch': '无法使用模型文件 {file}：张量的数据布局与文件头不符',
  'errors.model-file.checksum-mismatch': '无法使用模型文件 {file}：校验和不符，文件已损坏',
  'errors.model-file.not-a-model': '无法使用模型文件 {file}：这不是本应用保存的模型',
  'errors.model-file.unsupported-version': '无法使用模型文件 {file}：不支持该文件格式版本',
  'errors.model-file.bad-metadata': '无法使用模型文件 {file}：元数据缺失或无效',
  'errors.model-file.tensor-mismatch': '无法使用模型文件 {file}：张量与网络结构不符（缺失、多余、形状不对或含非有限值）',
  'errors.model-file.bad-architecture': '无法使用模型文件 {file}：其中的网络结构无效',
  'errors.model-file.not-a-checkpoint': '无法使用文件 {file}：这是模型文件，不是检查点',
  'errors.model-file.bad-checkpoint': '无法使用检查点文件 {file}：检查点数据无效',
};
