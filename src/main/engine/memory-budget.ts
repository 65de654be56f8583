/** Estimate the memory a training run will allocate, and refuse a run over budget before anything is allocated. */
import { describeArchitecture } from '../../core/index';
import type { ArchitectureSpec, OptimizerName, TrainingConfig } from '../../core/spec';
import { AppError } from '../../shared/errors';

/** Per-parameter state slots each optimizer keeps (Momentum: v; AdaGrad/RMSprop: h; Adam: m and v). */
const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 0, momentum: 1, nesterov: 1, adagrad: 1, rmsprop: 1, adam: 2 };

export interface MemoryEstimate {
  parameters: number;
  /** values, gradients, optimizer state and the copies of the weights sent to the main thread. */
  parameterBytes: number;
  /** forward outputs and backward dx of every layer for one batch. */
  activationBytes: number;
  /** the batch converted to the network's precision. */
  batchBytes: number;
  totalBytes: number;
}

/** Estimate the bytes a run of `architecture` trained with `config` allocates (the dataset itself is shared, not counted). */
export function estimateTrainingMemory(architecture: ArchitectureSpec, config: TrainingConfig): MemoryEstimate {
  const described = describeArchitecture(architecture);
  if (described.errors.length > 0) throw new Error(`invalid architecture: ${described.errors.join('; ')}`);
  const bytes = config.precision === 'float64' ? 8 : 4;
  const parameters = described.parameterCount;
  const parameterBytes = parameters * bytes * (2 + OPTIMIZER_SLOTS[config.optimizer] + 2);
  const widths = described.layers.reduce((sum, layer) => sum + layer.outputSize, 0);
  const activationBytes = config.batchSize * widths * bytes * 2;
  const batchBytes = config.batchSize * architecture.inputSize * bytes * 2;
  return { parameters, parameterBytes, activationBytes, batchBytes, totalBytes: parameterBytes + activationBytes + batchBytes };
}

/** Human-readable byte count, e.g. "1.5 GiB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Throw a clear error (code run-memory) naming the estimate and the budget when the run would not fit. */
export function checkMemoryBudget(architecture: ArchitectureSpec, config: TrainingConfig, budgetBytes: number): MemoryEstimate {
  const estimate = estimateTrainingMemory(architecture, config);
  if (estimate.totalBytes > budgetBytes) {
    const params = {
      needed: formatBytes(estimate.totalBytes),
      budget: formatBytes(budgetBytes),
      parameters: estimate.parameters.toLocaleString('en-US'),
    };
    throw new AppError(
      'run-memory',
      `this run needs about ${formatBytes(estimate.totalBytes)} (${estimate.parameters.toLocaleString('en-US')} parameters: ` +
        `${formatBytes(estimate.parameterBytes)} for weights, gradients and optimizer state, ${formatBytes(estimate.activationBytes)} ` +
        `for activations of a batch of ${config.batchSize}, ${formatBytes(estimate.batchBytes)} for the ${config.precision} batch), ` +
        `more than the memory budget of ${formatBytes(budgetBytes)}; use fewer units or layers, a smaller batch or float32`,
      params,
    );
  }
  return estimate;
}
