/** Why a run failed, as a person reads it: a stable code with params (worded by the page's catalogs) and the English sentence. */
import { AppError, toWireError, type WireError } from '../../../shared/errors';
import type { NonFiniteReport } from '../../../shared/runs';
import { parameterLabel } from '../../../core/network/layer-number';

/** The engine worker failed (an exception, heap exhaustion, an exit): code run-failed, params { reason }. */
export function workerFailure(reason: string): WireError {
  return { code: 'run-failed', message: reason, params: { reason } };
}

/**
 * A NaN or ±Infinity stopped the run: code run-non-finite, params { epoch (1-based), batch, iteration, where, layer,
 * parameter }; the message is the sentence the CLI and older readers show.
 */
export function nonFiniteFailure(n: NonFiniteReport): WireError {
  const epoch = n.epoch + 1;
  // The parameter by its layer number as the editor shows it (L1.W for the tensor layers.0.W).
  const message = `non-finite ${n.where}${n.parameter ? ` in ${parameterLabel(n.parameter)}` : ''} at epoch ${epoch}, batch ${n.batch}; the last finite weights are kept`;
  const { batch, iteration, where, layer, parameter } = n;
  return { code: 'run-non-finite', message, params: { epoch, batch, iteration, where, layer, parameter } };
}

/** The run's split could not be made: an AppError keeps its code (dataset-prepare), anything else is run-failed. */
export function preparationFailure(error: unknown): WireError {
  return error instanceof AppError ? toWireError(error) : workerFailure(error instanceof Error ? error.message : String(error));
}
