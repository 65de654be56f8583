/** Filling the Predict form: from a row of the loaded dataset (matched by feature name) or from a pasted CSV row. */

/** The model's features taken by name from a dataset row, as text for the form; or the features the dataset lacks. */
export function fromDatasetRow(
  features: readonly string[],
  row: { featureNames: string[]; values: number[] },
): string[] | { missing: string[] } {
  const missing = features.filter((f) => !row.featureNames.includes(f));
  if (missing.length > 0) return { missing };
  return features.map((f) => String(row.values[row.featureNames.indexOf(f)]));
}

/**
 * A pasted CSV row split into the model's `count` features: tab, then semicolon, then comma as the delimiter, surrounding
 * quotes dropped; one field more than needed is read as a trailing label and left out. Otherwise the field count found.
 */
export function fromPastedRow(text: string, count: number): string[] | { fields: number } {
  const line = text.trim();
  const delimiter = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
  const fields = line === '' ? [] : line.split(delimiter).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  if (fields.length === count) return fields;
  if (fields.length === count + 1) return fields.slice(0, count);
  return { fields: fields.length };
}
