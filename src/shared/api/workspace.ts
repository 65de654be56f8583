/** API methods of the workspace: restore the last session at launch, autosave the editor state. */
import type { WorkspaceLoad } from '../../main/services/workspace/service';
import { editorStateSchema } from '../../main/services/workspace/schema';
import { method, noArgs } from './define';

export type { WorkspaceLoad };
export type { EditorState, DatasetRef, StoredRun } from '../../main/services/workspace/schema';

export const workspaceMethods = {
  /** The saved workspace (editor state and run history); reports a corrupt file that was moved aside. */
  'workspace.load': method<WorkspaceLoad>()(noArgs),
  /** The editor's current state; saved to disk about a second after the last call (and at quit). */
  'workspace.save': method<void>()(editorStateSchema),
};
