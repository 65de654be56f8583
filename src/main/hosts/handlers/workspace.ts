/** Handlers of the workspace methods. */
import type { workspaceMethods } from '../../../shared/api/workspace';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function workspaceHandlers({ workspace }: AppServices): Pick<Handlers, keyof typeof workspaceMethods> {
  return {
    'workspace.load': () => workspace.load(),
    'workspace.save': (args) => workspace.save(args),
  };
}
