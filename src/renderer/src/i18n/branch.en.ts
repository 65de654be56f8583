/** English strings of rewind and branch: the branch dialog, the epoch menu, the runs tree, resume, the checkpoint interval, their errors. */
export const branchEn = {
  'status.interrupted': 'interrupted',
  'branch.action': 'Branch…',
  'branch.actionRun': 'Branch {name} from an epoch',
  'branch.resume': 'Resume',
  'branch.resumeRun': 'Resume {name} from its last checkpoint',
  'branch.fromEpoch': 'Branch from epoch {epoch}',
  'branch.menu': 'Epoch {epoch} of {name}',
  'branch.title': 'Branch {name}',
  'branch.epoch': 'From epoch',
  'branch.checkpointSame': 'Starts from the checkpoint kept after epoch {epoch}.',
  'branch.checkpointNearest':
    'No checkpoint was kept after epoch {asked}: the branch starts from the nearest one before it, after epoch {epoch}.',
  'branch.noCheckpoint': 'No checkpoint is kept at or before epoch {asked}: choose a later epoch.',
  'branch.loading': 'Looking up the kept checkpoints…',
  'branch.epochsTotal': 'Epochs (total, more than {epoch})',
  'branch.dropout': 'Dropout ratio (layer {index})',
  'branch.fixed': 'Seed {seed} and {precision} continue from the parent.',
  'branch.start': 'Start branch',
  'branch.cancel': 'Cancel',
  'branch.of': 'branch of {name} at epoch {epoch}',
  'checkpoint.label': 'Checkpoint every',
  'checkpoint.unit': 'Checkpoint interval unit',
  'checkpoint.epochs': 'epochs',
  'checkpoint.seconds': 'seconds',
  'errors.checkpoint-missing': 'Run {name} has no checkpoint kept at or before epoch {epoch}.',
  'errors.branch-setting': "A branch continues its parent's {setting}: it cannot change.",
  'errors.branch-epochs': 'Epochs is the total: a branch from epoch {epoch} needs more than {epoch} epochs.',
  'errors.run-split-unknown': 'Run {name} was saved before its data split was recorded: it cannot be branched or resumed.',
} as const;

export type BranchKey = keyof typeof branchEn;
