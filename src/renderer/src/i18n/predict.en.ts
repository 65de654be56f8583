/** English strings of Predict's form fillers (dataset row, pasted row) and its recent models. */
export const predictEn = {
  'predict.fill': 'Fill the form',
  'predict.rowNumber': 'Row of {name} (1–{n})',
  'predict.useRow': 'Use this row',
  'predict.rowMissing': 'The loaded dataset has no feature(s) {missing} that the model needs.',
  'predict.paste': 'Paste a CSV row',
  'predict.fillPasted': 'Fill from the pasted row',
  'predict.pasteCount':
    'The pasted row has {fields} field(s); the model needs {expected} (or one more, a label, which is left out).',
  'predict.reopen': 'Open {name}',
  'predict.recentMissing': '{name} no longer exists and was removed from the list.',
} as const;
