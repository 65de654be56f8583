/** The experiment service's errors a person sees: AppErrors with stable codes and parameters (worded by the catalogs). */
import { ExperimentParamError } from '../../../core/experiments/params';
import { AppError } from '../../../shared/errors';

/** An unknown experiment name. */
export const unknownExperiment = (name: string, known: readonly string[]): AppError =>
  new AppError('experiment-unknown', `unknown experiment "${name}"; expected one of ${known.join(', ')}`, {
    name,
    known: known.join(', '),
  });

/** core's parameter error as an AppError (unknown key, or a value outside its definition). */
export function parameterError(error: ExperimentParamError): AppError {
  const { experiment, key: parameter, value, def } = error;
  if (!def)
    return new AppError('experiment-parameter-unknown', error.message, {
      experiment,
      parameter,
      known: error.known.join(', '),
    });
  return new AppError(def.integer ? 'experiment-parameter-integer' : 'experiment-parameter-invalid', error.message, {
    experiment,
    parameter,
    value: String(value),
    min: def.min,
    max: def.max,
  });
}

/** The dataset an experiment was asked to use is not there (a stale id, the built-in file missing). */
export const datasetMissing = (dataset: string, detail: string): AppError =>
  new AppError('experiment-dataset-missing', `the experiment's dataset ${dataset} is not available: ${detail}`, { dataset });

/** The experiments classify: a regression dataset cannot feed them. */
export const datasetRegression = (dataset: string): AppError =>
  new AppError('experiment-dataset-regression', `${dataset} is a regression dataset; the experiments need classes`, { dataset });

/** The dataset cannot be split for the experiments (too few rows). */
export const datasetUnusable = (dataset: string, problem: string): AppError =>
  new AppError('experiment-dataset-unusable', `${dataset} cannot be used by the experiments: ${problem}`, { dataset, problem });

export const experimentNotFound = (id: string): AppError =>
  new AppError('experiment-not-found', `no experiment with id "${id}"`, { id });

/** Why a cell cannot be added to the runs. */
export type CellUnavailableReason = 'unfinished' | 'untrained' | 'released';

const CELL_MESSAGES: Record<CellUnavailableReason, (cell: string) => string> = {
  unfinished: (cell) => `cell "${cell}" has not finished: only a finished cell becomes a run`,
  untrained: (cell) => `cell "${cell}" trains no network (a synthetic experiment): there is no run to add`,
  released: (cell) => `cell "${cell}" belongs to an older experiment whose networks were released: run it again`,
};

export const cellUnavailable = (cell: string, reason: CellUnavailableReason): AppError =>
  new AppError(`experiment-cell-${reason}`, CELL_MESSAGES[reason](cell), { cell });
