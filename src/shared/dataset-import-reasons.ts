/**
 * The stable reasons of a dataset-import error that lists no cell problems (params.reason), each worded by the
 * renderer as `errors.dataset-import.<reason>` with the error's params. zod-free, like errors.ts.
 */
import type { ColumnErrorReason } from '../core/datasets/column-error';

export const DATASET_IMPORT_REASONS = [
  /** params: { candidates } e.g. `"," → 3, ";" → 5` (delimiter → columns) */
  'ambiguous-delimiter',
  /** params: { detail } (the OS message, English) */
  'cannot-open',
  /** params: { size, limit } (bytes, formatted) */
  'file-too-large',
  /** params: {} */
  'no-data-rows',
  /** params: { count } */
  'all-rows-invalid',
  /** params: { magic, expected } */
  'idx-bad-magic',
  /** params: { bytes } */
  'idx-truncated-header',
  'too-few-columns',
  'label-out-of-range',
  'feature-out-of-range',
  'label-not-found',
  'feature-not-found',
  'label-is-feature',
  'feature-twice',
  'no-features',
  'label-text-regression',
] as const satisfies readonly (string | ColumnErrorReason)[];
export type DatasetImportReason = (typeof DATASET_IMPORT_REASONS)[number];

export const isDatasetImportReason = (reason: unknown): reason is DatasetImportReason =>
  typeof reason === 'string' && (DATASET_IMPORT_REASONS as readonly string[]).includes(reason);
