/** Handlers of the run and gradient-check methods. */
import type { runMethods } from '../../../shared/api/runs';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function runHandlers({ runs }: AppServices): Pick<Handlers, keyof typeof runMethods> {
  return {
    'runs.start': (args) => runs.start(args),
    'runs.pause': (args) => runs.pause(args.id),
    'runs.resume': (args) => runs.resume(args.id),
    'runs.step': (args) => runs.step(args.id, args.unit),
    'runs.stop': (args) => runs.stop(args.id),
    'runs.remove': (args) => runs.remove(args.id),
    'runs.setLearningRate': (args) => runs.setLearningRate(args.id, args.learningRate),
    'runs.list': () => runs.list(),
    'runs.curves': (args) => runs.curves(args.id),
    'gradcheck.run': (args) => runs.gradientCheck(args),
  };
}
