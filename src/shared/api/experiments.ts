/** API methods and wire types of the chapter-6 experiments (the Experiments tab): list, start, pause, resume, cancel, get. */
import { z } from 'zod';
import { EXPERIMENT_NAMES } from '../../core/experiments/experiment';
import type { CellResult, ExperimentName, ExperimentParams, ParamDef, Series, Summary } from '../../core/experiments/experiment';
import { method, noArgs, byId, idSchema } from './define';
import type { RunSummary } from '../runs';

export type { CellResult, ExperimentName, ExperimentParams, ParamDef, Series, Summary };
export { EXPERIMENT_NAMES };

/** Start an experiment: its parameters (checked against its definition), a seed, and the stored dataset to train on (default builtin:digits). */
export const experimentStartSchema = z.strictObject({
  name: z.enum(EXPERIMENT_NAMES),
  params: z.record(z.string().min(1).max(40), z.number().min(-1e6).max(1e6)).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  datasetId: idSchema.optional(),
});
export type ExperimentStartRequest = z.infer<typeof experimentStartSchema>;

/** What the tab shows before a run: each experiment's editable parameters. */
export interface ExperimentInfo {
  name: ExperimentName;
  needsData: boolean;
  params: ParamDef[];
}

export type ExperimentStatus = 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';

/** Why an experiment failed, worded by the renderer from its catalogs: a stable code and its parameters. */
export interface ExperimentError {
  code: 'cell-failed';
  /** The failed cell's label. */
  subject: string;
  detail: string;
}

/** The whole state of one experiment: what every client needs to draw it, at any moment. */
export interface ExperimentState {
  id: string;
  name: ExperimentName;
  seed: number;
  params: ExperimentParams;
  /** The dataset's name, null for the synthetic experiments. */
  dataset: string | null;
  status: ExperimentStatus;
  /** Cell labels, in order. */
  cells: string[];
  /** Finished cells' results (null while running or queued). */
  results: (CellResult | null)[];
  /** Fraction of the work done over every cell, in [0, 1]. */
  progress: number;
  /** Seconds left at the current pace (null until a cell reports). */
  etaSeconds: number | null;
  /** Worker threads running cells at once. */
  concurrency: number;
  summary: Summary | null;
  error: ExperimentError | null;
}

/** Pushed as an experiment advances: a cell's partial series, a finished cell, or a new state (status, progress). */
export type ExperimentEvent =
  | {
      type: 'cell-progress';
      id: string;
      index: number;
      done: number;
      total: number;
      series: Series[];
      progress: number;
      etaSeconds: number | null;
    }
  | { type: 'cell'; id: string; result: CellResult }
  | { type: 'state'; state: ExperimentState };

export const experimentMethods = {
  'experiments.list': method<ExperimentInfo[]>()(noArgs),
  'experiments.start': method<ExperimentState>()(experimentStartSchema),
  'experiments.pause': method<void>()(byId),
  'experiments.resume': method<void>()(byId),
  'experiments.cancel': method<void>()(byId),
  'experiments.get': method<ExperimentState>()(byId),
  /** "Add to runs": a finished cell's trained network becomes a run of the history (curves, settings, model). */
  'experiments.addRun': method<RunSummary>()(
    z.strictObject({
      id: idSchema,
      index: z.number().int().min(0).max(100_000),
      /** The run's name as the page words it (default "<experiment> · <cell>"). */
      name: z.string().min(1).max(200).optional(),
    }),
  ),
};
