/** Handlers of the workspace methods. */
import type { workspaceMethods } from '../../../shared/api/workspace';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function workspaceHandlers({ workspace, files }: AppServices): Pick<Handlers, keyof typeof workspaceMethods> {
  return {
    'workspace.load': () => workspace.load(),
    'workspace.save': (args) => workspace.save(args),
    'workspace.locateDataset': (args) => workspace.locateDataset(files.get(args.fileId).path),
    'workspace.usage': () => workspace.usage(),
  };
}
