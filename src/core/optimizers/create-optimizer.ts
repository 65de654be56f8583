/** Build the optimizer a TrainingConfig names, with its hyper-parameters checked. */
import type { TrainingConfig } from '../spec';
import type { Kernels } from '../kernels/kernels';
import type { Optimizer } from './optimizer';
import { SGD } from './sgd';
import { Momentum } from './momentum';
import { Nesterov } from './nesterov';
import { AdaGrad } from './adagrad';
import { RMSprop } from './rmsprop';
import { Adam } from './adam';

function unitInterval(name: string, v: number | undefined, fallback: number): number {
  const value = v ?? fallback;
  if (!(value >= 0 && value < 1)) throw new Error(`createOptimizer: ${name} must be in [0, 1), got ${value}`);
  return value;
}

/**
 * A fresh optimizer (empty state) for config.optimizer; throws on an unknown name or a hyper-parameter out of range.
 * `kernels` (the network's) runs the update (every optimizer's update is a kernel).
 */
export function createOptimizer(config: TrainingConfig, kernels?: Kernels): Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return new SGD(kernels);
    case 'momentum':
      return new Momentum(unitInterval('momentum', config.momentum, 0.9), kernels);
    case 'nesterov':
      return new Nesterov(unitInterval('momentum', config.momentum, 0.9), kernels);
    case 'adagrad':
      return new AdaGrad(kernels);
    case 'rmsprop':
      return new RMSprop(unitInterval('decayRate', config.decayRate, 0.99), kernels);
    case 'adam':
      return new Adam(unitInterval('beta1', config.beta1, 0.9), unitInterval('beta2', config.beta2, 0.999), kernels);
    default: {
      const never: never = config.optimizer;
      throw new Error(
        `createOptimizer: unknown optimizer ${JSON.stringify(never)}; expected sgd, momentum, nesterov, adagrad, rmsprop or adam`,
      );
    }
  }
}
