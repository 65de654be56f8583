/** English wording of the stable error codes (src/shared/errors.ts): `errors.<code>`, `{name}` from the error's params. */
export const errorsEn = {
  'errors.invalid-arguments': 'Invalid {method} arguments: {path}',
  'errors.unknown-method': 'The app does not know the request {method}.',
  'errors.dataset-import': '{message}',
  'errors.model-file': 'Cannot use the model file {file}: {problem}',
  'errors.workspace-corrupt': 'The saved workspace could not be read and was moved aside: {message}',
  'errors.run-non-finite': 'The run stopped: a value became NaN or Infinity.',
  'errors.run-memory':
    'This run needs about {needed} ({parameters} parameters), more than the memory budget of {budget}: use fewer units or layers, a smaller batch or float32.',
  'errors.run-failed': 'The run failed: {message}',
  'errors.upload-too-large': 'The file is larger than the upload limit of {limit}.',
  'errors.upload-busy': '{concurrent} uploads are already under way: try again when one has finished.',
  'errors.host-unsupported': 'This is done by the browser in web mode: {message}',
  'errors.failed': '{message}',
} as const;
