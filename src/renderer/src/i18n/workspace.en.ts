/** English strings of the workspace: restore, autosave status, a missing dataset, files moved aside, disk use. */
export const workspaceEn = {
  'workspace.saving': 'Saving…',
  'workspace.saved': 'All changes saved',
  'workspace.dataset-missing': 'The dataset file {name} of the last session is missing.',
  'workspace.dataset-changed': 'The dataset file {name} changed since the last session.',
  'workspace.dataset-unreadable': 'The dataset file {name} of the last session cannot be read: {detail}',
  'workspace.locate': 'Locate…',
  'workspace.useBuiltin': 'Use built-in',
  'workspace.recovery.workspace':
    'The saved workspace could not be read ({problem}); it was moved aside as {file} and the studio starts fresh.',
  'workspace.recovery.model':
    'The saved weights {file} could not be read ({problem}); the file was moved aside and its run has no model.',
  'workspace.disk': 'Disk',
  'workspace.diskTotal': 'Runs on disk: {size}',
} as const;

export type WorkspaceKey = keyof typeof workspaceEn;
