/**
 * The workspace document: what the editor holds (architecture, training settings, dataset references, UI settings)
 * and the run history with its curves, as autosaved to <userData>/workspace.json and validated when read back.
 */
import { z } from 'zod';
import { architectureSchema, prepareOptionsSchema, trainingConfigSchema } from './spec';
import { builtinDatasetSchema, importOptionsSchema } from './datasets';
import type { RunCurves, RunSummary } from './runs';

export const WORKSPACE_FORMAT_VERSION = 1;
/** Runs kept in the history (the oldest are dropped first). */
export const MAX_HISTORY_RUNS = 50;

/** A dataset as the workspace remembers it: where it came from and how it was imported, never its data. */
export const datasetRefSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** The human description of the source (DatasetSummary.source), e.g. "iris.csv" or "spiral (built-in)". */
  source: z.string().max(4096),
  /** Set for a built-in dataset: enough to recreate it exactly. */
  builtin: builtinDatasetSchema.optional(),
  /** Set for an imported file: the options the import wizard used. */
  importOptions: importOptionsSchema.optional(),
});
export type DatasetRef = z.infer<typeof datasetRefSchema>;

const settingValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/** What the renderer sends with workspace.save: the state of the editor. */
export const editorStateSchema = z.strictObject({
  architecture: architectureSchema.nullable(),
  training: trainingConfigSchema.nullable(),
  split: prepareOptionsSchema.nullable(),
  datasets: z.array(datasetRefSchema).max(100),
  /** UI settings (theme, language, open tab…): small scalar values by name. */
  settings: z.record(z.string().min(1).max(64), settingValue).refine((s) => Object.keys(s).length <= 100, 'at most 100 settings'),
});
export type EditorState = z.infer<typeof editorStateSchema>;

export const EMPTY_EDITOR: EditorState = { architecture: null, training: null, split: null, datasets: [], settings: {} };

/** JSON turns NaN and ±Infinity into null: read null back as NaN (a diverged loss stays visibly non-finite). */
const lossValue = z.number().nullable().transform((v) => v ?? Number.NaN);
const splitMetrics = z.object({ loss: lossValue, accuracy: z.number().nullable() });
const epochMetrics = z.object({ epoch: z.number().int().min(0), train: splitMetrics, validation: splitMetrics.nullable() });

const curvesSchema = z.object({
  runId: z.string().min(1).max(200),
  loss: z.array(z.tuple([z.number(), lossValue])).max(100_000),
  iterationsPerPoint: z.number().positive(),
  epochs: z.array(epochMetrics).max(100_000),
});

/**
 * A run summary: the fields the history view relies on are checked; others (added by later versions of the run
 * service) pass through unchanged, so a newer summary field never makes an autosave unreadable.
 */
const summarySchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  status: z.enum(['queued', 'running', 'paused', 'done', 'stopped', 'failed']),
  datasetId: z.string().max(200),
  architecture: architectureSchema,
  config: trainingConfigSchema,
  createdAt: z.string().max(64),
  epoch: z.number(),
  iteration: z.number(),
  train: splitMetrics.nullable(),
  validation: splitMetrics.nullable(),
});

export interface StoredRun {
  /** The app launch that ran it: run ids restart in every launch, so (session, id) is the key. */
  session: string;
  summary: RunSummary;
  curves: RunCurves;
}

const storedRunSchema = z.object({ session: z.string().min(1).max(64), summary: summarySchema, curves: curvesSchema });

export const workspaceSchema = z.strictObject({
  formatVersion: z.literal(WORKSPACE_FORMAT_VERSION),
  savedAt: z.string().max(64),
  editor: editorStateSchema,
  runs: z.array(storedRunSchema).max(MAX_HISTORY_RUNS),
});

export interface Workspace {
  formatVersion: typeof WORKSPACE_FORMAT_VERSION;
  /** ISO 8601. */
  savedAt: string;
  editor: EditorState;
  runs: StoredRun[];
}

/** What workspace.load gives the renderer: the restored workspace and, when the file was unusable, why and where it went. */
export interface WorkspaceLoad {
  editor: EditorState;
  /** Runs of earlier sessions (status as they were saved; a run still active at the time is marked stopped). */
  history: StoredRun[];
  savedAt: string | null;
  /** A corrupt workspace file was set aside: why, and the name it was given in the user-data folder (a name, never a path). */
  recovery: { problem: string; movedTo: string } | null;
}
