/**
 * The workspace document (format version 2): what the editor holds (architecture, training settings, the dataset with
 * where it came from, UI settings) and the run history with curves and the name of each run's model file, as
 * autosaved to <userData>/workspace.json and validated when read back (version 1 files are migrated by the workspace
 * service), and what workspace.load gives the renderer.
 */
import { z } from 'zod';
import { architectureSchema, prepareOptionsSchema, trainingConfigSchema } from './spec';
import { builtinDatasetSchema, importOptionsSchema, type DatasetSummary } from './datasets';
import type { RunCurves, RunSummary } from './runs';
import { curvesSchema, settingsSchema, summarySchema } from './workspace-parts';

export const WORKSPACE_FORMAT_VERSION = 2;
/** Runs kept in the history (the oldest are dropped first). */
export const MAX_HISTORY_RUNS = 50;

/** What the renderer sends with workspace.save: the state of the editor (the dataset by its id in this launch). */
export const editorStateSchema = z.strictObject({
  architecture: architectureSchema.nullable(),
  training: trainingConfigSchema.nullable(),
  split: prepareOptionsSchema.nullable(),
  datasetId: z.string().min(1).max(64).nullable(),
  settings: settingsSchema,
});
export type EditorState = z.infer<typeof editorStateSchema>;

export const EMPTY_EDITOR: EditorState = { architecture: null, training: null, split: null, datasetId: null, settings: {} };

/** A file a dataset was read from, with what it looked like then (a different size or time means it changed). */
const fileStampSchema = z.strictObject({ path: z.string().max(4096), size: z.number().int().min(-1), mtimeMs: z.number() });
export type FileStamp = z.infer<typeof fileStampSchema>;

/** Where a dataset came from: enough to import it again exactly (never its data). */
export const datasetOriginSchema = z.discriminatedUnion('kind', [
  builtinDatasetSchema.extend({ kind: z.literal('builtin') }),
  z.strictObject({
    kind: z.literal('csv'),
    name: z.string().min(1).max(255),
    file: fileStampSchema,
    options: importOptionsSchema,
  }),
  z.strictObject({ kind: z.literal('idx'), name: z.string().min(1).max(255), images: fileStampSchema, labels: fileStampSchema }),
]);
export type DatasetOrigin = z.infer<typeof datasetOriginSchema>;

/** The editor as stored: the dataset with its id at save time (the runs trained on it refer to that id). */
const storedEditorSchema = z.strictObject({
  architecture: architectureSchema.nullable(),
  training: trainingConfigSchema.nullable(),
  split: prepareOptionsSchema.nullable(),
  dataset: z.strictObject({ id: z.string().max(64), origin: datasetOriginSchema }).nullable(),
  settings: settingsSchema,
});
export type StoredEditor = z.infer<typeof storedEditorSchema>;

/** A model file of a run, in the workspace's runs folder: a plain file name, never a path. */
export const MODEL_FILE_NAME = /^[\w-]{1,120}\.safetensors$/;

export interface StoredRun {
  summary: RunSummary;
  curves: RunCurves;
  /** The run's final (or last finite) weights, under <userData>/runs/; null when it ended before it had any. */
  modelFile: string | null;
}

export const storedRunSchema = z.object({
  summary: summarySchema,
  curves: curvesSchema,
  modelFile: z.string().regex(MODEL_FILE_NAME).nullable(),
});

export const workspaceSchema = z.strictObject({
  formatVersion: z.literal(WORKSPACE_FORMAT_VERSION),
  savedAt: z.string().max(64),
  editor: storedEditorSchema,
  runs: z.array(storedRunSchema).max(MAX_HISTORY_RUNS),
});

export interface Workspace {
  formatVersion: typeof WORKSPACE_FORMAT_VERSION;
  /** ISO 8601. */
  savedAt: string;
  editor: StoredEditor;
  runs: StoredRun[];
}

/** Why the recorded dataset could not be imported again; `name` is the file's name (never its folder). */
export interface DatasetProblem {
  code: 'dataset-missing' | 'dataset-changed' | 'dataset-unreadable';
  name: string;
  detail: string | null;
}

/** A file that could not be used and was moved aside: which kind, its new name (no folder), and why. */
export interface Recovery {
  what: 'workspace' | 'model';
  movedTo: string;
  problem: string;
}

/** Disk used by the runs' files (model and checkpoints), per run id and in total (bytes). */
export interface DiskUsage {
  runs: Record<string, number>;
  totalBytes: number;
}

/** What workspace.load gives the renderer: the workspace as it is now (restored at launch, edited since). */
export interface WorkspaceLoad {
  editor: EditorState;
  /** The editor's dataset, imported again; null with `datasetProblem` set when its file is missing or changed. */
  dataset: DatasetSummary | null;
  datasetProblem: DatasetProblem | null;
  /** Every run: earlier launches' first (a run still active when the app ended is stopped), then this launch's. */
  runs: RunSummary[];
  disk: DiskUsage;
  savedAt: string | null;
  recovery: Recovery[];
}
