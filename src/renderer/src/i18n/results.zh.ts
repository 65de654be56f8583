/** 保留的结果（过期提示）与决策边界平面的中文字符串。 */
import type { resultsEn } from './results.en';

export const resultsZh: Record<keyof typeof resultsEn, string> = {
  'results.otherRun': '这些结果来自 {run} 的第 {epoch} 轮；所选的运行已经改变。',
  'results.trainedOn': '这些结果来自 {run} 的第 {epoch} 轮；此后该运行继续训练了（现在是第 {now} 轮）。',
  'results.modelChanged': '这些结果属于之前的网络结构或数据集；它们已经改变。',
  'results.otherModel': '这些预测来自模型 {model}；当前模型已经改变。',
  'results.recompute': '重新计算',
  'results.clear': '清除',
  'results.notice': '保留的结果',
  'plane.needs2': '决策边界需要至少有 2 个数值特征的分类数据集。',
  'plane.projection': '平面',
  'plane.features': '两个特征',
  'plane.pca': '主成分分析（前 2 个主成分）',
  'plane.x': 'x 轴',
  'plane.y': 'y 轴',
  'plane.held': '其余 {count} 个特征固定为训练集均值。',
  'plane.pcaAxis': '主成分 {k}：解释 {share}% 的方差，主要是 {feature}',
  'plane.pcaNote': '归一化训练特征的主成分；网格位于它们张成的、经过均值的平面上。',
};
