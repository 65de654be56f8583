/** Handlers of the insight-view methods. */
import type { insightMethods } from '../../../shared/api/insight';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function insightHandlers({ insight }: AppServices): Pick<Handlers, keyof typeof insightMethods> {
  return {
    'insight.trace': (args) => insight.trace(args),
    'insight.boundary': (args) => insight.boundary(args),
    'insight.evaluate': (args) => insight.evaluate(args),
    'insight.diagnostics': (args) => insight.diagnostics(args),
  };
}
