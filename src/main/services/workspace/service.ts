/**
 * The workspace service: at launch it restores the last workspace (the dataset imported again from where it came
 * from, the runs with their curves and model files given back to the run service, the editor state), then autosaves
 * the editor state and the run history to <userDataDir>/workspace.json — debounced, atomically, a few seconds behind
 * at most — and writes each run's weights to <userDataDir>/runs/ when it ends.
 */
import path from 'node:path';
import type { ModelSnapshot } from '../../../shared/model';
import type { DatasetSummary } from '../../../shared/datasets';
import type { RestoredRun, RunCurves, RunEvent, RunSummary } from '../../../shared/runs';
import type { ResumePoint } from '../../../shared/workers/engine';
import { debounced, type DebouncedTask } from './debounce';
import { copyInto, recordOrigin, reimport, type DatasetImporter } from './dataset-origin';
import { RunModels } from './run-models';
import { RunCheckpoints } from './run-checkpoints';
import { CheckpointKeeper } from './checkpoint-keeper';
import { restoreWorkspace } from './restore';
import type { CheckpointStore } from '../checkpoints/checkpoint-store';
import {
  EMPTY_EDITOR,
  MAX_HISTORY_RUNS,
  WORKSPACE_FORMAT_VERSION,
  type DatasetOrigin,
  type DatasetProblem,
  type DiskUsage,
  type EditorState,
  type Recovery,
  type Workspace,
  type WorkspaceLoad,
} from '../../../shared/workspace';
import { writeWorkspaceFile } from './workspace-file';

export const WORKSPACE_FILE = 'workspace.json';
export const DATASETS_FOLDER = 'datasets';

/** What the service needs from the run service (RunService satisfies it). */
export interface RunHistorySource {
  list(): RunSummary[];
  curves(id: string): RunCurves;
  snapshot(id: string): ModelSnapshot;
  adopt(runs: RestoredRun[]): void;
  rebindDataset(from: string, to: string): void;
  onEvent(listener: (event: RunEvent) => void): () => void;
}

export interface WorkspaceServiceOptions {
  /** The app's user-data folder (created if missing). */
  userDataDir: string;
  runs?: RunHistorySource;
  datasets?: DatasetImporter;
  /** True for a file of ours that will not outlive the launch (an upload): it is copied under the user-data folder. */
  isTemporary?: (file: string) => boolean;
  /** Quiet time after the last change before saving (default 1000 ms). */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming, e.g. during training (default 3000 ms). */
  maxWaitMs?: number;
  /** Bytes the runs' checkpoints may use together (default 2 GiB): the oldest runs' checkpoints go first. */
  checkpointCapBytes?: number;
  /** Told about a failed autosave or a file moved aside (default: console.warn). */
  report?: (message: string) => void;
}

const ENDED: ReadonlySet<RunSummary['status']> = new Set(['done', 'stopped', 'failed']);
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class WorkspaceService {
  readonly file: string;
  private readonly models: RunModels;
  private readonly checkpoints: RunCheckpoints;
  private readonly keeper: CheckpointKeeper;
  private editor: EditorState = EMPTY_EDITOR;
  /** Where the editor's dataset came from (or the dataset that could not be restored), with the id runs know it by. */
  private dataset: { id: string; origin: DatasetOrigin } | null = null;
  private datasetProblem: DatasetProblem | null = null;
  /** Model files of runs, by run id. */
  private readonly modelFiles = new Map<string, { file: string; bytes: number }>();
  private readonly recovery: Recovery[] = [];
  private savedAt: string | null = null;
  private restored: Promise<void> | null = null;
  /** Edits and model writes, one at a time in arrival order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly autosave: DebouncedTask;
  private readonly stopListening: () => void;
  private readonly report: (message: string) => void;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.file = path.join(options.userDataDir, WORKSPACE_FILE);
    this.models = new RunModels(options.userDataDir);
    this.checkpoints = new RunCheckpoints(this.models.dir, options.checkpointCapBytes);
    this.keeper = new CheckpointKeeper(
      this.checkpoints,
      (task) => this.enqueue(task),
      () => this.options.runs?.list().map((r) => r.id) ?? [],
    );
    this.report = options.report ?? ((message: string) => console.warn(message));
    this.autosave = debounced(
      () => this.write(),
      options.debounceMs ?? 1000,
      options.maxWaitMs ?? 3000,
      (error) => this.report(`workspace autosave to ${this.file} failed: ${reason(error)}`),
    );
    this.stopListening = options.runs?.onEvent((event) => this.onRunEvent(event)) ?? (() => undefined);
  }

  /** The workspace as it is now; the first call restores the saved one. Never throws for a bad file (moved aside, reported). */
  async load(): Promise<WorkspaceLoad> {
    await this.ready();
    const { datasetId } = this.editor;
    const datasets = this.options.datasets;
    const dataset =
      datasetId && datasets
        ? (() => {
            try {
              return datasets.get(datasetId).summary;
            } catch {
              return null;
            }
          })()
        : null;
    const { datasetProblem, savedAt } = this;
    return {
      editor: this.editor,
      dataset,
      datasetProblem,
      runs: this.options.runs?.list() ?? [],
      disk: this.disk(),
      savedAt,
      recovery: [...this.recovery],
    };
  }

  /** Replace the editor state (validated by the caller's schema) and schedule an autosave. */
  async save(editor: EditorState): Promise<void> {
    await this.ready(); // never overwrite a workspace we have not read yet
    await this.enqueue(async () => {
      if (editor.datasetId !== null && editor.datasetId !== this.dataset?.id) await this.record(editor.datasetId);
      this.editor = editor;
    });
    this.autosave.request();
  }

  /** Import the file the user located in place of the missing or changed one, with the recorded options. */
  async locateDataset(file: string): Promise<DatasetSummary> {
    await this.ready();
    const { dataset, datasetProblem } = this;
    const datasets = this.options.datasets;
    if (!dataset || !datasetProblem || !datasets) throw new Error('there is no missing dataset to locate');
    const result = await reimport(dataset.origin, datasets, file);
    if ('problem' in result)
      throw new Error(
        `${path.basename(file)} cannot replace ${datasetProblem.name}: ${result.problem.detail ?? result.problem.code}`,
      );
    this.options.runs?.rebindDataset(dataset.id, result.summary.id);
    await this.enqueue(async () => {
      this.datasetProblem = null;
      await this.record(result.summary.id);
      this.editor = { ...this.editor, datasetId: result.summary.id };
    });
    this.autosave.request();
    return result.summary;
  }

  /** Disk used by the runs' files once the model writes under way are done. */
  async usage(): Promise<DiskUsage> {
    await this.queue;
    return this.disk();
  }

  /** Disk used by the runs' model files. */
  disk(): DiskUsage {
    const runs: Record<string, number> = {};
    for (const [id, { bytes }] of this.modelFiles) runs[id] = bytes;
    for (const [id, bytes] of this.checkpoints.usage()) runs[id] = (runs[id] ?? 0) + bytes;
    return { runs, totalBytes: Object.values(runs).reduce((a, b) => a + b, 0) };
  }

  /**
   * Keep a checkpoint of a run (thinned and capped). Written in order after the writes before it; when the disk falls
   * behind (tiny epochs), only the newest waiting checkpoint of a run is written.
   */
  keepCheckpoint(run: { id: string; summary: RunSummary; snapshot: ModelSnapshot }, point: ResumePoint): void {
    this.keeper.keep(run, point);
  }

  /** A run's checkpoint folder, once the checkpoint writes queued before the call are done (branch and resume read it). */
  async checkpointsOf(runId: string): Promise<CheckpointStore> {
    await this.ready();
    return this.checkpoints.store(runId);
  }

  /** Write pending changes now (before quitting). */
  async flush(): Promise<void> {
    await this.queue;
    await this.autosave.flush();
  }

  /** Flush and stop listening to run events. */
  async dispose(): Promise<void> {
    this.stopListening();
    await this.flush();
  }

  /** Restored (the first call restores the saved workspace), every queued edit and write done. */
  private async ready(): Promise<void> {
    await (this.restored ??= this.restore());
    await this.queue;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task);
    this.queue = next.catch((error: unknown) => this.report(`workspace: ${reason(error)}`));
    return next;
  }

  /** Remember where dataset `id` came from (copying an upload under the user-data folder so that it outlives the launch). */
  private async record(id: string): Promise<void> {
    const datasets = this.options.datasets;
    if (!datasets) return;
    const { origin } = datasets.get(id);
    const dir = path.join(this.options.userDataDir, DATASETS_FOLDER);
    const keep = async (file: string) => (this.options.isTemporary?.(file) ? copyInto(dir, file) : file);
    const recorded = await recordOrigin(origin.source, origin.options, keep);
    this.dataset = recorded ? { id, origin: recorded } : null;
    this.datasetProblem = null;
  }

  private async restore(): Promise<void> {
    const { userDataDir, datasets, runs } = this.options;
    const { file, models, checkpoints, report } = this;
    const state = await restoreWorkspace({ userDataDir, file, models, checkpoints, datasets, runs, report });
    ({ editor: this.editor, savedAt: this.savedAt, dataset: this.dataset, datasetProblem: this.datasetProblem } = state);
    this.recovery.push(...state.recovery);
    for (const [id, kept] of state.modelFiles) this.modelFiles.set(id, kept);
  }

  private onRunEvent(event: RunEvent): void {
    if (event.type === 'heartbeat-missed') return;
    if (event.type === 'status' && ENDED.has(event.status)) void this.enqueue(() => this.keepModel(event.runId));
    if (event.type === 'removed') void this.enqueue(() => this.dropModel(event.runId));
    this.autosave.request();
  }

  /** Write an ended run's final (or last finite) weights; a run that ended before it had any keeps no file. */
  private async keepModel(runId: string): Promise<void> {
    let snapshot: ModelSnapshot;
    try {
      snapshot = this.options.runs?.snapshot(runId) as ModelSnapshot;
      if (!snapshot) return;
    } catch {
      return;
    }
    this.modelFiles.set(runId, await this.models.write(runId, snapshot));
    this.autosave.request();
  }

  private async dropModel(runId: string): Promise<void> {
    const kept = this.modelFiles.get(runId);
    this.modelFiles.delete(runId);
    this.keeper.forget(runId);
    if (kept) await this.models.remove(kept.file);
    await this.checkpoints.remove(runId);
  }

  /** The runs, newest kept when over the cap, each with its curves and model file. */
  private snapshot(): Workspace {
    const runs = this.options.runs;
    const stored = runs
      ? runs.list().map((summary) => ({
          summary,
          curves: runs.curves(summary.id),
          modelFile: this.modelFiles.get(summary.id)?.file ?? null,
        }))
      : [];
    const { datasetId: _id, ...editor } = this.editor;
    return {
      formatVersion: WORKSPACE_FORMAT_VERSION,
      savedAt: new Date().toISOString(),
      editor: { ...editor, dataset: this.dataset },
      runs: stored.slice(-MAX_HISTORY_RUNS),
    };
  }

  private async write(): Promise<void> {
    await this.ready();
    await writeWorkspaceFile(this.file, this.snapshot());
  }
}
