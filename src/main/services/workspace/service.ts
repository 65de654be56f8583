/**
 * The workspace service: restores the last session's workspace at launch and autosaves the editor state and the run
 * history (summaries and curves) to <userDataDir>/workspace.json — debounced, atomically, at most a few seconds behind.
 */
import type { WorkspaceLoad } from '../../../shared/workspace';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { RunCurves, RunEvent, RunSummary } from '../../../shared/runs';
import { debounced, type DebouncedTask } from './debounce';
import { EMPTY_EDITOR, MAX_HISTORY_RUNS, WORKSPACE_FORMAT_VERSION, type EditorState, type StoredRun, type Workspace } from '../../../shared/workspace';
import { readWorkspaceFile, writeWorkspaceFile } from './workspace-file';

export const WORKSPACE_FILE = 'workspace.json';

/** What the service needs from the run service (RunService satisfies it). */
export interface RunHistorySource {
  list(): RunSummary[];
  curves(id: string): RunCurves;
  onEvent(listener: (event: RunEvent) => void): () => void;
}

export interface WorkspaceServiceOptions {
  /** The app's user-data folder (created if missing). */
  userDataDir: string;
  runs?: RunHistorySource;
  /** Quiet time after the last change before saving (default 1000 ms). */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming, e.g. during training (default 3000 ms). */
  maxWaitMs?: number;
  /** Told about a failed autosave or a workspace file moved aside (default: console.warn). */
  report?: (message: string) => void;
}

const ACTIVE: ReadonlySet<RunSummary['status']> = new Set(['queued', 'running', 'paused']);

export class WorkspaceService {
  readonly file: string;
  /** This launch's id: run ids restart every launch, so stored runs are keyed by (session, id). */
  readonly session = randomUUID();
  private editor: EditorState = EMPTY_EDITOR;
  /** Runs of earlier sessions, set by load() and written back with every save. */
  private history: StoredRun[] = [];
  private loaded: Promise<WorkspaceLoad> | null = null;
  private readonly autosave: DebouncedTask;
  private readonly stopListening: () => void;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.file = path.join(options.userDataDir, WORKSPACE_FILE);
    const report = options.report ?? ((message: string) => console.warn(message));
    this.autosave = debounced(() => this.write(), options.debounceMs ?? 1000, options.maxWaitMs ?? 3000, (error) =>
      report(`workspace autosave to ${this.file} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.stopListening = options.runs?.onEvent((event) => {
      if (event.type !== 'heartbeat-missed') this.autosave.request();
    }) ?? (() => undefined);
  }

  /** Read the saved workspace once per launch; never throws for a bad file (it is moved aside and reported). */
  load(): Promise<WorkspaceLoad> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  /** Replace the editor state (validated by the caller's schema) and schedule an autosave. */
  async save(editor: EditorState): Promise<void> {
    await this.load(); // never overwrite a workspace we have not read yet
    this.editor = editor;
    this.autosave.request();
  }

  /** Write pending changes now (before quitting). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Flush and stop listening to run events. */
  async dispose(): Promise<void> {
    this.stopListening();
    await this.flush();
  }

  private async read(): Promise<WorkspaceLoad> {
    await mkdir(this.options.userDataDir, { recursive: true });
    const result = await readWorkspaceFile(this.file);
    if (result.kind === 'moved-aside') {
      (this.options.report ?? console.warn)(`workspace file ${this.file} ${result.problem}; moved to ${result.movedTo}, starting fresh`);
      return { editor: this.editor, history: [], savedAt: null, recovery: { problem: result.problem, movedTo: path.basename(result.movedTo) } };
    }
    if (result.kind === 'missing') return { editor: this.editor, history: [], savedAt: null, recovery: null };
    const { workspace } = result;
    this.editor = workspace.editor;
    this.history = workspace.runs.map((run) =>
      ACTIVE.has(run.summary.status) ? { ...run, summary: { ...run.summary, status: 'stopped', finishReason: 'stopped' } } : run,
    );
    return { editor: this.editor, history: this.history, savedAt: workspace.savedAt, recovery: null };
  }

  /** The current session's runs, then the history, newest kept when over the cap. */
  private snapshot(): Workspace {
    const runs = this.options.runs;
    const current: StoredRun[] = runs ? runs.list().map((summary) => ({ session: this.session, summary, curves: runs.curves(summary.id) })) : [];
    return {
      formatVersion: WORKSPACE_FORMAT_VERSION,
      savedAt: new Date().toISOString(),
      editor: this.editor,
      runs: [...this.history, ...current].slice(-MAX_HISTORY_RUNS),
    };
  }

  private async write(): Promise<void> {
    await this.load();
    await writeWorkspaceFile(this.file, this.snapshot());
  }
}
