/** Handlers of the model methods. */
import type { modelMethods } from '../../../shared/api/models';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function modelHandlers(_services: AppServices): Pick<Handlers, keyof typeof modelMethods> {
  return {};
}
