/**
 * The stable error codes a person may see, and AppError: what services throw for them. The renderer words each
 * code from its message catalogs with the params (`errors.<code>` keys); `message` is the English fallback.
 * zod-free, so every process (and the preload) can import it.
 */

import { withoutHostPaths } from './host-paths';

export const ERROR_CODES = [
  /** A call's arguments failed the method's schema. params: { method, path, issue } */
  'invalid-arguments',
  /** No such API method. params: { method } */
  'unknown-method',
  /** A dataset file could not be imported. params: { file, summary, problems: CsvProblem[], totalProblems } */
  'dataset-import',
  /** A dataset could not be split and normalized for a run or a check (its worker failed). params: { dataset, reason } */
  'dataset-prepare',
  /** A model file is unreadable or invalid. params: { file, problem } */
  'model-file',
  /** The workspace file was corrupt and moved aside. params: { file } */
  'workspace-corrupt',
  /** A run stopped because a loss, gradient or weight became NaN or ±Infinity. params: { runId } */
  'run-non-finite',
  /** A run does not fit the memory budget. params: { needed, budget, parameters } (formatted) */
  'run-memory',
  /** A run or an engine worker failed. params: { reason } */
  'run-failed',
  /** A run has no checkpoint kept at or before the epoch asked for. params: { name, epoch } */
  'checkpoint-missing',
  /** A branch changes a setting a checkpoint cannot continue with. params: { setting } */
  'branch-setting',
  /** A branch's total epochs do not go past its checkpoint. params: { epoch } */
  'branch-epochs',
  /** A run saved before its data split was recorded cannot be branched or resumed. params: { name } */
  'run-split-unknown',
  /** An upload is over the web host's per-upload cap. params: { limit } (bytes, formatted) */
  'upload-too-large',
  /** The web host is already receiving its maximum of uploads at once. params: { concurrent } */
  'upload-busy',
  /** The host refuses a method it does not implement (e.g. a dialog in the web host). params: { method } */
  'host-unsupported',
  /** No experiment of that name. params: { name, known } */
  'experiment-unknown',
  /** An experiment parameter that does not exist. params: { experiment, parameter, known } */
  'experiment-parameter-unknown',
  /** An experiment parameter out of its range. params: { experiment, parameter, value, min, max } */
  'experiment-parameter-invalid',
  /** An integer experiment parameter out of its range or not whole. params: { experiment, parameter, value, min, max } */
  'experiment-parameter-integer',
  /** The experiment's dataset is not loaded (or the built-in file is missing). params: { dataset } */
  'experiment-dataset-missing',
  /** The experiments need classes; this dataset is a regression one. params: { dataset } */
  'experiment-dataset-regression',
  /** The dataset cannot be split for the experiments (too few rows). params: { dataset, problem } */
  'experiment-dataset-unusable',
  /** No experiment with that id in this launch. params: { id } */
  'experiment-not-found',
  /** A cell that has not finished cannot become a run. params: { cell } */
  'experiment-cell-unfinished',
  /** A cell of a synthetic experiment trains no network. params: { cell } */
  'experiment-cell-untrained',
  /** An older experiment's trained networks were released. params: { cell } */
  'experiment-cell-released',
  /** An imported PyTorch run's file is missing or invalid. params: { file, row, column, value, expected } (row/column/value may be '') */
  'run-import',
  /** Anything else (a bug, an I/O error): only the English message. */
  'failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Params are plain JSON-safe data (they cross IPC, WebSocket and the catalogs' interpolation). */
export type ErrorParams = Record<string, unknown>;

/** An error as it crosses a process boundary: a stable code, an English message, its params; never a stack. */
export interface WireError {
  code: ErrorCode;
  message: string;
  params: ErrorParams;
}

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

/** An error a person sees: thrown by services, sent as a WireError, rethrown by the renderer's clients. */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }

  static fromWire(error: WireError): AppError {
    return new AppError(isErrorCode(error.code) ? error.code : 'failed', error.message, error.params ?? {});
  }
}

/** Any thrown value as a WireError: AppError keeps its code and params; an error object may carry its own via toWireError(). */
export function toWireError(error: unknown): WireError {
  return withoutPaths(rawWireError(error));
}

function rawWireError(error: unknown): WireError {
  if (error instanceof AppError) return { code: error.code, message: error.message, params: error.params };
  if (typeof error === 'object' && error !== null && 'toWireError' in error && typeof error.toWireError === 'function') {
    return (error as { toWireError(): WireError }).toWireError();
  }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error), params: {} };
}

/** The last line of defence: no absolute path of the host in the message or a string param (see host-paths.ts). */
function withoutPaths(wire: WireError): WireError {
  const params = Object.fromEntries(
    Object.entries(wire.params).map(([k, v]) => [k, typeof v === 'string' ? withoutHostPaths(v) : v]),
  );
  return { ...wire, message: withoutHostPaths(wire.message), params };
}
