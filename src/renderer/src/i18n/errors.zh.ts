/** Simplified Chinese wording of the stable error codes (src/shared/errors.ts), typed against errors.en.ts. */
import type { errorsEn } from './errors.en';

export const errorsZh: Record<keyof typeof errorsEn, string> = {
  'errors.invalid-arguments': '{method} 的参数无效：{path}',
  'errors.unknown-method': '应用不认识请求 {method}。',
  'errors.dataset-import': '导入失败：{message}',
  'errors.model-file': '无法使用模型文件 {file}：{problem}',
  'errors.workspace-corrupt': '保存的工作区无法读取，已移到一旁：{message}',
  'errors.run-non-finite': '训练已停止：出现了 NaN 或无穷大。',
  'errors.run-memory':
    '这次训练大约需要 {needed}（{parameters} 个参数），超出了 {budget} 的内存预算：请减少单元数或层数、减小批大小，或改用 float32。',
  'errors.run-failed': '训练失败：{message}',
  'errors.upload-too-large': '文件超过了 {limit} 的上传上限。',
  'errors.upload-busy': '已有 {concurrent} 个上传正在进行：请等其中一个完成后再试。',
  'errors.host-unsupported': '在网页模式下由浏览器完成：{message}',
  'errors.failed': '{message}',
};
