/**
 * describeError: the text a person reads for a thrown error, in the current language. An AppError's code picks
 * the `errors.<code>` message with its params (and `{message}`, the English text); anything else, or a message
 * whose params are missing, falls back to the English message. A dataset-import error with problems is worded by
 * their count: the problems themselves come as data and are listed by the import wizard; one without problems but with
 * a `reason` (shared/dataset-import-reasons.ts) is worded by `errors.dataset-import.<reason>`; a model-file error by
 * `errors.model-file.<reason>` (shared/model-file-reasons.ts).
 */
import { AppError } from '../../../shared/errors';
import { isDatasetImportReason } from '../../../shared/dataset-import-reasons';
import { isModelFileReason } from '../../../shared/model-file-reasons';
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/en';

function scalarParams(error: AppError): Record<string, string | number> {
  const params: Record<string, string | number> = { message: error.message };
  for (const [name, value] of Object.entries(error.params)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

/** The catalog key of `error`: a dataset import that lists its problems is worded by their count (the UI lists them). */
function keyOf(error: AppError): MessageKey {
  const total = error.params.totalProblems;
  if (error.code === 'dataset-import' && typeof total === 'number' && total > 0) return 'wizard.importStopped';
  const reason = error.params.reason;
  if (error.code === 'dataset-import' && isDatasetImportReason(reason)) return `errors.dataset-import.${reason}`;
  if (error.code === 'model-file' && isModelFileReason(reason)) return `errors.model-file.${reason}`;
  return `errors.${error.code}`;
}

export function describeError(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  try {
    const problems = error.params.problems;
    const first = Array.isArray(problems) ? (problems[0] as { line?: unknown } | undefined) : undefined;
    const params = scalarParams(error);
    if (typeof first?.line === 'number') params.line = first.line;
    return t(keyOf(error), params);
  } catch {
    return error.message;
  }
}
