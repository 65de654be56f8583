/** Learning-rate schedules: constant, step decay (×gamma every stepSize iterations) and cosine decay to a minimum. */
import type { TrainingConfig } from '../spec';

/** The learning rate for 0-based `iteration` under config.schedule; throws on invalid schedule parameters. */
export function learningRateAt(config: TrainingConfig, iteration: number): number {
  const lr = config.learningRate;
  if (!(Number.isFinite(lr) && lr > 0)) throw new Error(`learningRate must be a positive finite number, got ${lr}`);
  const s = config.schedule;
  switch (s.kind) {
    case 'constant':
      return lr;
    case 'step':
      if (!(Number.isInteger(s.stepSize) && s.stepSize > 0))
        throw new Error(`step schedule: stepSize must be a positive integer, got ${s.stepSize}`);
      if (!(s.gamma > 0 && s.gamma <= 1)) throw new Error(`step schedule: gamma must be in (0, 1], got ${s.gamma}`);
      return lr * s.gamma ** Math.floor(iteration / s.stepSize);
    case 'cosine': {
      if (!(Number.isInteger(s.totalIterations) && s.totalIterations > 0)) {
        throw new Error(`cosine schedule: totalIterations must be a positive integer, got ${s.totalIterations}`);
      }
      if (!(s.minLearningRate >= 0 && s.minLearningRate <= lr)) {
        throw new Error(`cosine schedule: minLearningRate must be in [0, learningRate], got ${s.minLearningRate}`);
      }
      const progress = Math.min(iteration, s.totalIterations) / s.totalIterations;
      return s.minLearningRate + 0.5 * (lr - s.minLearningRate) * (1 + Math.cos(Math.PI * progress));
    }
    default: {
      const never: never = s;
      throw new Error(`unknown schedule ${JSON.stringify(never)}`);
    }
  }
}
