/** English strings of the window's layout: the top bar's overflow menu and the resizable, collapsible panes. */
export const layoutEn = {
  'layout.more': 'More controls',
  'layout.leftColumn': 'Settings column',
  'layout.resizeLeft': 'Resize the settings column',
  'layout.collapseLeft': 'Hide the settings column',
  'layout.expandLeft': 'Show the settings column',
  'layout.runsPane': 'Runs table',
  'layout.resizeRuns': 'Resize the runs table',
  'layout.collapseRuns': 'Hide the runs table',
  'layout.expandRuns': 'Show the runs table',
  'layout.pixels': '{size} pixels',
  'layout.collapsed': 'hidden',
} as const;
