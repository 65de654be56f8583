/**
 * Restoring the saved workspace at launch: temp files of interrupted writes swept, the file read (a bad one moved
 * aside), the dataset imported again from where it came from, and the runs with their model files given back to the
 * run service (runs active at the crash as interrupted, to be resumed from their last checkpoint).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelSnapshot } from '../../../shared/model';
import type { RestoredRun, RunSummary } from '../../../shared/runs';
import {
  EMPTY_EDITOR,
  type DatasetOrigin,
  type DatasetProblem,
  type EditorState,
  type Recovery,
  type Workspace,
} from '../../../shared/workspace';
import { earlier, reimport, type DatasetImporter } from './dataset-origin';
import type { RunModels } from './run-models';
import type { RunCheckpoints } from './run-checkpoints';
import { readWorkspaceFile } from './workspace-file';
import { sweepTempFiles } from '../models/sweep';

/** What a restore needs: where things are, the services it gives things back to, and where it reports. */
export interface RestoreDeps {
  userDataDir: string;
  file: string;
  models: RunModels;
  checkpoints: RunCheckpoints;
  datasets?: DatasetImporter;
  runs?: { adopt(runs: RestoredRun[]): void };
  report: (message: string) => void;
}

/** What the workspace service holds after a restore. */
export interface RestoredState {
  editor: EditorState;
  savedAt: string | null;
  dataset: { id: string; origin: DatasetOrigin } | null;
  datasetProblem: DatasetProblem | null;
  recovery: Recovery[];
  /** Model files of restored runs, by run id. */
  modelFiles: Map<string, { file: string; bytes: number }>;
}

const ACTIVE: ReadonlySet<RunSummary['status']> = new Set(['queued', 'running', 'paused']);
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function restoreWorkspace(deps: RestoreDeps): Promise<RestoredState> {
  const state: RestoredState = {
    editor: EMPTY_EDITOR,
    savedAt: null,
    dataset: null,
    datasetProblem: null,
    recovery: [],
    modelFiles: new Map(),
  };
  await mkdir(deps.userDataDir, { recursive: true });
  // Temp files of atomic writes a kill interrupted (workspace.json.<n>, runs/…safetensors.<n>): garbage in any case.
  await sweepTempFiles(deps.userDataDir, -1);
  await deps.checkpoints.sweepTempFiles();
  const result = await readWorkspaceFile(deps.file);
  if (result.kind === 'moved-aside') {
    deps.report(`workspace file ${deps.file} ${result.problem}; moved to ${result.movedTo}, starting fresh`);
    state.recovery.push({ what: 'workspace', movedTo: path.basename(result.movedTo), problem: result.problem });
  }
  if (result.kind !== 'loaded') return state;
  const { workspace } = result;
  const { dataset: storedDataset, ...editor } = workspace.editor;
  state.editor = { ...editor, datasetId: null };
  state.savedAt = workspace.savedAt;
  const rebind = await restoreDataset(deps, state, storedDataset);
  await restoreRuns(deps, state, workspace, rebind);
  return state;
}

/** Import the recorded dataset again; returns how restored runs' dataset ids map into this launch. */
async function restoreDataset(
  deps: RestoreDeps,
  state: RestoredState,
  stored: Workspace['editor']['dataset'],
): Promise<(id: string) => string> {
  const { datasets } = deps;
  if (!stored || !datasets) return earlier;
  const result = await reimport(stored.origin, datasets);
  if ('problem' in result) {
    state.datasetProblem = result.problem;
    state.dataset = { id: earlier(stored.id), origin: stored.origin };
    return earlier;
  }
  state.dataset = { id: result.summary.id, origin: stored.origin };
  state.editor = { ...state.editor, datasetId: result.summary.id };
  return (id) => (id === stored.id && id !== '' ? result.summary.id : earlier(id));
}

async function restoreRuns(
  deps: RestoreDeps,
  state: RestoredState,
  workspace: Workspace,
  datasetIdOf: (id: string) => string,
): Promise<void> {
  const restored: RestoredRun[] = [];
  for (const run of workspace.runs) {
    let snapshot: ModelSnapshot | null = null;
    if (run.modelFile) {
      try {
        const read = await deps.models.read(run.modelFile);
        snapshot = read.snapshot;
        state.modelFiles.set(run.summary.id, { file: run.modelFile, bytes: read.bytes });
      } catch (error) {
        deps.report(`model file of run ${run.summary.id} moved aside: ${reason(error)}`);
        state.recovery.push({ what: 'model', movedTo: run.modelFile, problem: reason(error) });
      }
    }
    const interrupted = ACTIVE.has(run.summary.status);
    const summary: RunSummary = {
      ...run.summary,
      datasetId: datasetIdOf(run.summary.datasetId),
      ...(interrupted ? { status: 'interrupted', finishReason: null, etaSeconds: null } : {}),
    };
    restored.push({ summary, curves: run.curves, snapshot });
  }
  deps.runs?.adopt(restored);
  await deps.models.sweep(new Set([...state.modelFiles.values()].map((m) => m.file)));
  await deps.checkpoints.restore(restored.map((r) => r.summary.id));
}
