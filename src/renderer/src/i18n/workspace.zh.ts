/** Simplified Chinese strings of the workspace (keys typed against workspace.en.ts). */
import type { WorkspaceKey } from './workspace.en';

export const workspaceZh: Record<WorkspaceKey, string> = {
  'workspace.saving': '正在保存…',
  'workspace.saved': '所有更改已保存',
  'workspace.dataset-missing': '上次会话的数据集文件 {name} 不存在。',
  'workspace.dataset-changed': '上次会话的数据集文件 {name} 已被修改。',
  'workspace.dataset-unreadable': '无法读取上次会话的数据集文件 {name}：{detail}',
  'workspace.locate': '查找…',
  'workspace.useBuiltin': '使用内置数据集',
  'workspace.recovery.workspace': '无法读取已保存的工作区（{problem}）；该文件已移至 {file}，工作室将重新开始。',
  'workspace.recovery.model': '无法读取已保存的权重 {file}（{problem}）；该文件已移走，其训练记录没有模型。',
  'workspace.disk': '磁盘',
  'workspace.diskTotal': '训练记录占用磁盘：{size}',
};
