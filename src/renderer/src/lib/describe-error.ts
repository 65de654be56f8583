/**
 * describeError: the text a person reads for a thrown error, in the current language. An AppError's code picks
 * the `errors.<code>` message with its params (and `{message}`, the English text); anything else, or a message
 * whose params are missing, falls back to the English message.
 */
import { AppError } from '../../../shared/errors';
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/en';

function scalarParams(error: AppError): Record<string, string | number> {
  const params: Record<string, string | number> = { message: error.message };
  for (const [name, value] of Object.entries(error.params)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

export function describeError(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  try {
    return t(`errors.${error.code}` as MessageKey, scalarParams(error));
  } catch {
    return error.message;
  }
}
