/** The data of a run being started: split at once by a plain provider (the CLI's loaded data), or on its way from a dataset worker. */
import type { PreparedData } from '../../../shared/datasets';
import type { RunStartRequest } from '../../../shared/runs';
import type { DatasetProvider } from './options';

export interface RunData {
  /** The dataset's number of features (known before the split). */
  features: number;
  /** The splits when they are ready now, else null. */
  prepared: PreparedData | null;
  /** The splits being made off the main thread, else null. */
  pending: Promise<PreparedData> | null;
}

/** Ask the provider for the run's splits within `budgetBytes` (off the main thread when it can); throws for what is known at once. */
export function requestRunData(datasets: DatasetProvider, request: RunStartRequest, budgetBytes: number): RunData {
  const { datasetId, split, architecture, config } = request;
  let data: RunData;
  if (datasets.prepareOffThread) {
    const { features, prepared } = datasets.prepareOffThread(datasetId, split, budgetBytes);
    data = { features, prepared: null, pending: prepared };
  } else {
    const prepared = datasets.prepare(datasetId, split, budgetBytes);
    data = { features: prepared.train.d, prepared, pending: null };
  }
  const noValidation = data.prepared ? !data.prepared.validation : split.validation === 0;
  if (config.patience !== null && noValidation) throw new Error(missingValidation(request));
  if (data.features !== architecture.inputSize) {
    throw new Error(
      `the architecture expects ${architecture.inputSize} inputs but dataset "${datasetId}" has ${data.features} features`,
    );
  }
  return data;
}

/** Why a run with early stopping cannot use these splits (null when it can). */
export function splitProblem(request: RunStartRequest, prepared: PreparedData): string | null {
  return request.config.patience !== null && !prepared.validation ? missingValidation(request) : null;
}

const missingValidation = (request: RunStartRequest): string =>
  `early stopping (patience ${request.config.patience}) needs a validation split; set split.validation > 0`;
