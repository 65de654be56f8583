/** Simplified Chinese strings of the window's layout: the top bar's overflow menu and the resizable, collapsible panes. */
import type { layoutEn } from './layout.en';

export const layoutZh: Record<keyof typeof layoutEn, string> = {
  'layout.more': '更多控件',
  'layout.leftColumn': '设置栏',
  'layout.resizeLeft': '调整设置栏宽度',
  'layout.collapseLeft': '隐藏设置栏',
  'layout.expandLeft': '显示设置栏',
  'layout.runsPane': '运行记录表',
  'layout.resizeRuns': '调整运行记录表高度',
  'layout.collapseRuns': '隐藏运行记录表',
  'layout.expandRuns': '显示运行记录表',
  'layout.pixels': '{size} 像素',
  'layout.collapsed': '已隐藏',
};
