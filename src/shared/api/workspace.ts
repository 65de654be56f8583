/** API methods of the workspace: restore the last session at launch, autosave the editor state, locate a missing dataset, disk use. */
import { z } from 'zod';
import type { DatasetSummary } from '../datasets';
import { editorStateSchema, type DiskUsage, type WorkspaceLoad } from '../workspace';
import { method, noArgs, idSchema } from './define';

export const workspaceMethods = {
  /** The workspace as it is now (restored from disk at launch): editor, dataset, runs, disk use, files moved aside. */
  'workspace.load': method<WorkspaceLoad>()(noArgs),
  /** The editor's current state; saved to disk about a second after the last call (and at quit). */
  'workspace.save': method<void>()(editorStateSchema),
  /** Import a file the user located in place of the workspace's missing or changed dataset, with its recorded options. */
  'workspace.locateDataset': method<DatasetSummary>()(z.object({ fileId: idSchema }).strict()),
  /** Disk used by each run's files (model and checkpoints) and in total. */
  'workspace.usage': method<DiskUsage>()(noArgs),
};
