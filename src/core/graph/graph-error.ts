/** GraphError: a bad expression or graph, with a stable code and parameters (the UI words it) and an English message (the CLI). */

export type GraphErrorCode =
  | 'empty'
  | 'bad-character'
  | 'bad-number'
  | 'unexpected-token'
  | 'unexpected-end'
  | 'unclosed-paren'
  | 'unknown-function'
  | 'wrong-arity'
  | 'exponent-not-constant'
  | 'missing-value'
  | 'too-long';

export class GraphError extends Error {
  override readonly name = 'GraphError';

  /** `params.position` (0-based character offset) is set for every parse error. */
  constructor(
    readonly code: GraphErrorCode,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
  }
}
