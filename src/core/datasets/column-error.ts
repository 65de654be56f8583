/** ColumnError: a column-role or task choice that cannot work, with a stable reason and its values (worded by the UI). */

/** Why the columns or the task were refused; each is a `reason` of the dataset-import error. */
export type ColumnErrorReason =
  | 'too-few-columns'
  | 'label-out-of-range'
  | 'feature-out-of-range'
  | 'label-not-found'
  | 'feature-not-found'
  | 'label-is-feature'
  | 'feature-twice'
  | 'no-features'
  | 'label-text-regression';

export class ColumnError extends Error {
  override readonly name = 'ColumnError';

  /** @param message the English text the CLI prints; reason and params say the same as data */
  constructor(
    readonly reason: ColumnErrorReason,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
