/** Handlers of the insight-view methods. */
import type { insightMethods } from '../../../shared/api/insight';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function insightHandlers(_services: AppServices): Pick<Handlers, keyof typeof insightMethods> {
  return {};
}
