/** English wording of a dataset-import error's stable reason (src/shared/dataset-import-reasons.ts): `errors.dataset-import.<reason>`. */
export const importReasonsEn = {
  'errors.dataset-import.ambiguous-delimiter':
    '{file}: the delimiter is ambiguous (delimiter → columns: {candidates}): choose one',
  'errors.dataset-import.cannot-open': '{file}: cannot open the file: {detail}',
  'errors.dataset-import.file-too-large': '{file}: the file is {size} bytes, over the {limit}-byte limit',
  'errors.dataset-import.no-data-rows': '{file}: the file has no data rows',
  'errors.dataset-import.all-rows-invalid': '{file}: all {count} data rows were invalid',
  'errors.dataset-import.idx-bad-magic': '{file}: corrupt idx header: magic number {magic}, expected {expected}',
  'errors.dataset-import.idx-truncated-header': '{file}: corrupt idx header: the file ends inside the header ({bytes} bytes)',
  'errors.dataset-import.too-few-columns': '{file}: the file has {count} column; expected at least 2 (features and a label)',
  'errors.dataset-import.label-out-of-range':
    '{file}: label column index {index} is out of range: the file has {count} columns (0–{last})',
  'errors.dataset-import.feature-out-of-range':
    '{file}: feature column index {index} is out of range: the file has {count} columns (0–{last})',
  'errors.dataset-import.label-not-found': '{file}: label column "{column}" not found; columns are: {columns}',
  'errors.dataset-import.feature-not-found': '{file}: feature column "{column}" not found; columns are: {columns}',
  'errors.dataset-import.label-is-feature': '{file}: column "{column}" cannot be both the label and a feature',
  'errors.dataset-import.feature-twice': '{file}: feature column "{column}" is listed twice',
  'errors.dataset-import.no-features':
    '{file}: no feature columns remain (every feature column is text and text features are dropped)',
  'errors.dataset-import.label-text-regression':
    '{file}: label column "{column}" holds text, so it cannot be a regression target',
} as const;
