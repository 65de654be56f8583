/**
 * English wording of a model-file error's stable reason (src/shared/model-file-reasons.ts): `errors.model-file.<reason>`.
 * English keeps the detail ({problem}: tensor, byte offset, field path) as the CLI prints it.
 */
const detail = 'Cannot use the model file {file}: {problem}';

export const modelFileReasonsEn = {
  'errors.model-file.cannot-open': detail,
  'errors.model-file.cannot-read': detail,
  'errors.model-file.cannot-save': 'Cannot save the model file {file}: {problem}',
  'errors.model-file.too-large': detail,
  'errors.model-file.changed-while-reading': detail,
  'errors.model-file.bad-header': detail,
  'errors.model-file.layout-mismatch': detail,
  'errors.model-file.checksum-mismatch': detail,
  'errors.model-file.not-a-model': detail,
  'errors.model-file.unsupported-version': detail,
  'errors.model-file.bad-metadata': detail,
  'errors.model-file.tensor-mismatch': detail,
  'errors.model-file.bad-architecture': detail,
  'errors.model-file.not-a-checkpoint': detail,
  'errors.model-file.bad-checkpoint': detail,
} as const;
