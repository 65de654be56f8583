/**
 * The stable reasons of a model-file error (params.reason), each worded by the renderer as `errors.model-file.<reason>`;
 * params.problem keeps the English detail (tensor, byte offset, field path) that the CLI prints. zod-free, like errors.ts.
 */
export const MODEL_FILE_REASONS = [
  'cannot-open',
  'cannot-read',
  'cannot-save',
  /** The file is over the size limit. */
  'too-large',
  'changed-while-reading',
  /** The safetensors header (length, JSON, entries, metadata strings) is malformed. */
  'bad-header',
  /** The tensors' byte ranges do not tile the data section (gap, overlap, wrong length, past the end). */
  'layout-mismatch',
  /** A tensor's bytes differ from the checksum recorded in the file. */
  'checksum-mismatch',
  /** A safetensors file, but not one of this app (no format entry). */
  'not-a-model',
  /** A format version this app does not read. */
  'unsupported-version',
  /** A metadata entry is missing, unknown or invalid. */
  'bad-metadata',
  /** A tensor is missing, extra, of the wrong shape or holds a non-finite value for the architecture. */
  'tensor-mismatch',
  /** The architecture in the metadata cannot be built. */
  'bad-architecture',
  /** A model file was given where a checkpoint was expected. */
  'not-a-checkpoint',
  /** The checkpoint's own entries or tensors are invalid. */
  'bad-checkpoint',
] as const;
export type ModelFileReason = (typeof MODEL_FILE_REASONS)[number];

export const isModelFileReason = (reason: unknown): reason is ModelFileReason =>
  typeof reason === 'string' && (MODEL_FILE_REASONS as readonly string[]).includes(reason);
