/** API methods of the workspace: restore the last session at launch, autosave the editor state. */
import { editorStateSchema, type WorkspaceLoad } from '../workspace';
import { method, noArgs } from './define';

export const workspaceMethods = {
  /** The saved workspace (editor state and run history); reports a corrupt file that was moved aside. */
  'workspace.load': method<WorkspaceLoad>()(noArgs),
  /** The editor's current state; saved to disk about a second after the last call (and at quit). */
  'workspace.save': method<void>()(editorStateSchema),
};
