/** English strings of runs made elsewhere: experiment cells added to the runs, imported PyTorch runs, and their error codes. */
export const elsewhereEn = {
  'elsewhere.addRun.heading': 'Keep a cell as a run',
  'elsewhere.addRun.hint':
    'A finished cell becomes a run of the history: overlay its curves, copy its settings, save or export its model.',
  'elsewhere.addRun.cell': 'Cell',
  'elsewhere.addRun.button': 'Add to runs',
  'elsewhere.addRun.added': 'Added “{name}” to the runs.',
  'elsewhere.addRun.none': 'No finished cell yet.',

  'elsewhere.import.button': 'Import PyTorch run…',
  'elsewhere.import.pick.model': 'Choose the model.safetensors that train.py wrote (its --out folder)…',
  'elsewhere.import.pick.losses': 'Now choose losses.csv from the same folder…',
  'elsewhere.import.pick.epochs': 'Now choose epochs.csv from the same folder…',
  'elsewhere.import.done': 'Imported “{name}”.',

  'errors.experiment-unknown': 'There is no experiment “{name}”. Known experiments: {known}.',
  'errors.experiment-parameter-unknown': '{experiment} has no parameter “{parameter}”. Its parameters: {known}.',
  'errors.experiment-parameter-invalid':
    '{experiment}: the parameter {parameter} is {value}; it must lie between {min} and {max}.',
  'errors.experiment-parameter-integer':
    '{experiment}: the parameter {parameter} is {value}; it must be a whole number between {min} and {max}.',
  'errors.experiment-dataset-missing': 'The experiment’s dataset {dataset} is not available: load it again.',
  'errors.experiment-dataset-regression': '{dataset} is a regression dataset; the experiments need a dataset with classes.',
  'errors.experiment-dataset-unusable': '{dataset} cannot be used by the experiments: {problem}.',
  'errors.experiment-not-found': 'The experiment {id} no longer exists: run it again.',
  'errors.experiment-cell-unfinished': 'The cell “{cell}” has not finished: only a finished cell becomes a run.',
  'errors.experiment-cell-untrained': 'The cell “{cell}” trains no network: this experiment has no run to keep.',
  'errors.experiment-cell-released': 'The networks of “{cell}” were released (a newer experiment ran since): run it again.',
  'errors.run-import': 'Cannot import the run: {message}',
} as const;

export type ElsewhereKey = keyof typeof elsewhereEn;
