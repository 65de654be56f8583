/** UsageError: a bad command-line flag or value, reported on one line with the usage hint and exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Exit code for usage errors (the Unix convention). */
  readonly exitCode = 2;
}
