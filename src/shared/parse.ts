/** Validate untrusted data against a zod schema, failing with one AppError('invalid-arguments') that names the first problem's path. */
import type { z } from 'zod';
import { AppError } from './errors';

/** Validate `value` with `schema`, or throw one clear message naming the first problem's path (e.g. "config.batchSize: …"). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.join('.') || '(root)';
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
  throw new AppError('invalid-arguments', `invalid ${what}: ${path}: ${issue.message}${more}`, {
    what,
    method: what,
    path,
    issue: issue.message,
  });
}
