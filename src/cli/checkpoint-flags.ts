/**
 * The checkpoint flags of `train`: --checkpoint-every N --out-dir DIR writes checkpoints; --resume DIR continues an
 * interrupted run from its newest checkpoint; --from FILE branches from a checkpoint with the training flags given
 * (--epochs stays the run's total: a branch from epoch k with --epochs E trains epochs k+1…E).
 */
import type { ArchitectureSpec, TrainingConfig } from '../core/spec';
import type { PreparedData } from '../shared/datasets';
import type { ResumePoint } from '../shared/workers/engine';
import { CheckpointStore } from '../main/services/checkpoints/checkpoint-store';
import type { Checkpoint } from '../main/services/checkpoints/checkpoint-codec';
import { numberFlag } from './number-flag';
import { UsageError } from './usage-error';
import { TRAIN_FLAG_OPTIONS } from './train-flags';
import { ARCH_FLAG_OPTIONS } from './arch-flags';

export const CHECKPOINT_FLAG_OPTIONS = {
  'checkpoint-every': { type: 'string' },
  'out-dir': { type: 'string' },
  resume: { type: 'string' },
  from: { type: 'string' },
} as const;

export const CHECKPOINT_FLAG_HELP = `Checkpoints:
  --checkpoint-every N --out-dir DIR   write DIR/epoch-0010.safetensors… every N epochs (last 10 kept, then log-spaced)
  --resume DIR        continue the run whose checkpoints are in DIR from the newest one (same settings)
  --from FILE         branch from a checkpoint; training flags given replace its settings (not --seed, --precision);
                      --epochs stays the total: from epoch k, --epochs E trains epochs k+1…E`;

type Values = Record<string, string | boolean | undefined>;

/** Training flag → the config fields it sets. */
const CONFIG_FIELDS: Record<keyof typeof TRAIN_FLAG_OPTIONS, (keyof TrainingConfig)[]> = {
  optimizer: ['optimizer'],
  lr: ['learningRate'],
  batch: ['batchSize'],
  epochs: ['epochs'],
  iterations: ['epochs', 'maxIterations'],
  seed: ['seed'],
  precision: ['precision'],
  'weight-decay': ['weightDecay'],
  patience: ['patience'],
  threads: ['threads'],
};

export interface CheckpointPlan {
  every: number | null;
  store: CheckpointStore | null;
  /** Set for --resume and --from: the architecture and settings come from the checkpoint (edited by --from's flags). */
  start: { checkpoint: Checkpoint; architecture: ArchitectureSpec; config: TrainingConfig; resumeFrom: ResumePoint } | null;
}

const given = (values: Values, options: object): string[] => Object.keys(options).filter((k) => values[k] !== undefined);

/** Read the checkpoint flags; `flagConfig` is the config the training flags describe (defaults for the others). */
export async function checkpointPlan(values: Values, flagConfig: TrainingConfig): Promise<CheckpointPlan> {
  const every = numberFlag('checkpoint-every', values['checkpoint-every'], { integer: true, min: 1, max: 1_000_000 }) ?? null;
  const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : null;
  const resume = typeof values.resume === 'string' ? values.resume : null;
  const from = typeof values.from === 'string' ? values.from : null;
  if (resume && from) throw new UsageError('--resume and --from exclude each other: give one of them');
  if (every !== null && !outDir && !resume)
    throw new UsageError('--checkpoint-every needs --out-dir DIR (where the checkpoints go)');
  if ((resume || from) && given(values, ARCH_FLAG_OPTIONS).length > 0)
    throw new UsageError(
      `--${resume ? 'resume' : 'from'} takes the architecture from the checkpoint; drop --${given(values, ARCH_FLAG_OPTIONS)[0]}`,
    );
  if (resume) {
    const training = given(values, TRAIN_FLAG_OPTIONS);
    if (training.length > 0) throw new UsageError(`--resume continues the run as it was; use --from to change --${training[0]}`);
    const store = new CheckpointStore(resume);
    const latest = await store.latest();
    if (!latest) throw new UsageError(`${resume} holds no checkpoint (epoch-NNNN.safetensors)`);
    const checkpoint = await readOrUsage(store, latest.file);
    const { architecture, trainingConfig } = checkpoint.model;
    return {
      every: every ?? 1,
      store,
      start: { checkpoint, architecture, config: trainingConfig, resumeFrom: checkpoint.point },
    };
  }
  const store = outDir ? new CheckpointStore(outDir) : null;
  if (!from) return { every: store ? (every ?? 1) : null, store, start: null };
  const checkpoint = await readOrUsage(new CheckpointStore('.'), from);
  const base = checkpoint.model.trainingConfig;
  const config: TrainingConfig = { ...base };
  for (const flag of given(values, TRAIN_FLAG_OPTIONS) as (keyof typeof TRAIN_FLAG_OPTIONS)[]) {
    for (const field of CONFIG_FIELDS[flag]) Object.assign(config, { [field]: flagConfig[field] });
  }
  if (config.seed !== base.seed || config.precision !== base.precision)
    throw new UsageError("--from continues the checkpoint's random streams and precision: --seed and --precision cannot change");
  // Another optimizer has other state (or none): it starts afresh.
  const trainer =
    config.optimizer === base.optimizer ? checkpoint.point.trainer : { ...checkpoint.point.trainer, optimizer: null };
  return {
    every: store ? (every ?? 1) : null,
    store,
    start: { checkpoint, architecture: checkpoint.model.architecture, config, resumeFrom: { ...checkpoint.point, trainer } },
  };
}

async function readOrUsage(store: CheckpointStore, file: string): Promise<Checkpoint> {
  try {
    return await store.read(file);
  } catch (error) {
    throw new UsageError(`cannot read checkpoint ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The data given must be the data the checkpoint was trained on: same features, classes and training rows. */
export function checkSameData(checkpoint: Checkpoint, prepared: PreparedData): void {
  const { model, point } = checkpoint;
  const { train } = prepared;
  if (JSON.stringify(train.featureNames) !== JSON.stringify(model.featureNames))
    throw new UsageError(
      `the checkpoint was trained on features ${model.featureNames.join(', ')}; the data given has ${train.featureNames.join(', ')}`,
    );
  const classes = train.target.kind === 'classes' ? train.target.classNames : [];
  if (JSON.stringify(classes) !== JSON.stringify(model.classNames))
    throw new UsageError(
      `the checkpoint was trained on classes ${model.classNames.join(', ')}; the data given has ${classes.join(', ')}`,
    );
  if (train.n !== point.trainer.order.length)
    throw new UsageError(
      `the checkpoint was trained on ${point.trainer.order.length} training rows; the data and split given make ${train.n}`,
    );
}
