/** Simplified Chinese strings of runs made elsewhere (keys typed against elsewhere.en.ts). */
import type { ElsewhereKey } from './elsewhere.en';

export const elsewhereZh: Record<ElsewhereKey, string> = {
  'elsewhere.addRun.heading': '把单元保存为运行',
  'elsewhere.addRun.hint': '已完成的单元可成为历史中的一次运行：叠加它的曲线、复制它的设置、保存或导出它的模型。',
  'elsewhere.addRun.cell': '单元',
  'elsewhere.addRun.button': '加入运行列表',
  'elsewhere.addRun.added': '已将“{name}”加入运行列表。',
  'elsewhere.addRun.none': '还没有已完成的单元。',

  'elsewhere.import.button': '导入 PyTorch 运行…',
  'elsewhere.import.pick.model': '请选择 train.py 写出的 model.safetensors（它的 --out 文件夹）…',
  'elsewhere.import.pick.losses': '再选择同一文件夹中的 losses.csv…',
  'elsewhere.import.pick.epochs': '再选择同一文件夹中的 epochs.csv…',
  'elsewhere.import.done': '已导入“{name}”。',

  'errors.experiment-unknown': '没有名为“{name}”的实验。已有的实验：{known}。',
  'errors.experiment-parameter-unknown': '{experiment} 没有参数“{parameter}”。它的参数：{known}。',
  'errors.experiment-parameter-invalid': '{experiment}：参数 {parameter} 为 {value}；它必须在 {min} 到 {max} 之间。',
  'errors.experiment-parameter-integer': '{experiment}：参数 {parameter} 为 {value}；它必须是 {min} 到 {max} 之间的整数。',
  'errors.experiment-dataset-missing': '实验的数据集 {dataset} 不可用：请重新载入。',
  'errors.experiment-dataset-regression': '{dataset} 是回归数据集；实验需要带类别的数据集。',
  'errors.experiment-dataset-unusable': '实验无法使用 {dataset}：{problem}。',
  'errors.experiment-not-found': '实验 {id} 已不存在：请重新运行。',
  'errors.experiment-cell-unfinished': '单元“{cell}”尚未完成：只有已完成的单元才能成为运行。',
  'errors.experiment-cell-untrained': '单元“{cell}”不训练网络：这个实验没有可保存的运行。',
  'errors.experiment-cell-released': '“{cell}”的网络已被释放（之后运行过更新的实验）：请重新运行。',
  'errors.run-import': '无法导入该运行：{message}',
};
