/** English wording of the hardening errors: a dataset split that failed off the main thread, and why a run failed (code, epoch, batch, parameter, where). */
export const hardeningEn = {
  'errors.dataset-prepare': 'The dataset {dataset} could not be split for the run: {reason}',
  'runFailure.where.loss': 'the loss',
  'runFailure.where.gradient': 'a gradient',
  'runFailure.where.weight': 'a weight',
  'runFailure.nonFiniteIn':
    'The run stopped: {where} of {parameter} became NaN or Infinity at epoch {epoch}, batch {batch}; the last finite weights are kept.',
} as const;
