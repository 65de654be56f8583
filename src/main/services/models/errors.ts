/** The one error type a model file problem raises: what is wrong and where (file, tensor, byte offset, field path). */
import { basename } from 'node:path';
import type { WireError } from '../../../shared/errors';
import type { ModelFileReason } from '../../../shared/model-file-reasons';

export class ModelFileError extends Error {
  /** The file (or upload) name the problem was found in. */
  readonly file: string;
  /** The bare problem without the file prefix, e.g. `tensor "layers.0.W": shape [3, 4] but the architecture expects [2, 4]`. */
  readonly problem: string;

  /** Which kind of problem, for the UI to word; `problem` keeps the English detail. */
  readonly reason: ModelFileReason;

  constructor(file: string, problem: string, reason: ModelFileReason = 'bad-metadata') {
    // The message names the file, never its folder: it reaches the page, which must not learn host paths.
    super(`${basename(file)}: ${problem}`);
    this.name = 'ModelFileError';
    this.file = file;
    this.problem = problem;
    this.reason = reason;
  }

  /** As it reaches the page: code 'model-file', the file's base name only. */
  toWireError(): WireError {
    return {
      code: 'model-file',
      message: `${basename(this.file)}: ${this.problem}`,
      params: { file: basename(this.file), problem: this.problem, reason: this.reason },
    };
  }
}

/** A problem found while checking a model's content (metadata, tensors), before the file name is known to the checker. */
export class ModelProblem extends Error {
  constructor(
    message: string,
    readonly reason: ModelFileReason = 'bad-metadata',
  ) {
    super(message);
    this.name = 'ModelProblem';
  }
}
