/** Handlers of the experiment methods. */
import type { experimentMethods } from '../../../shared/api/experiments';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function experimentHandlers({ experiments }: AppServices): Pick<Handlers, keyof typeof experimentMethods> {
  return {
    'experiments.list': () => experiments.list(),
    'experiments.start': (args) => experiments.start(args),
    'experiments.pause': (args) => experiments.pause(args.id),
    'experiments.resume': (args) => experiments.resume(args.id),
    'experiments.cancel': (args) => experiments.cancel(args.id),
    'experiments.get': (args) => experiments.get(args.id),
    'experiments.addRun': (args) => experiments.addRun(args.id, args.index, args.name),
  };
}
