/**
 * The workspace between launches: at startup it puts the saved workspace back into the studio (dataset, architecture
 * with a fresh undo history, training settings, runs with curves, selected and overlaid runs, tab, theme, language,
 * pane sizes),
 * then sends the editor's state to the host on every change (the host autosaves it, debounced and atomically).
 */
import { untrack } from 'svelte';
import type { DatasetProblem, DiskUsage, EditorState, Recovery, WorkspaceLoad } from '../../../shared/workspace';
import { applyLanguage, LANGUAGES, locale, type Language } from '../i18n/i18n.svelte';
import { theme, THEME_MODES, type ThemeMode } from './theme.svelte';
import { paneLayout } from './pane-layout.svelte';
import type { Studio } from './studio.svelte';
import { describeError } from './describe-error';

type Settings = EditorState['settings'];

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  values.includes(value as T) ? (value as T) : null;

export class WorkspaceSync {
  /** The saved dataset's file when it could not be imported again (missing or changed). */
  problem = $state<DatasetProblem | null>(null);
  /** Files that could not be used and were moved aside. */
  recovery = $state<Recovery[]>([]);
  disk = $state<DiskUsage>({ runs: {}, totalBytes: 0 });
  /** Saves sent and not yet acknowledged by the host (0: everything the editor holds has reached it). */
  pending = $state(0);
  /** Set once the saved workspace has been put back; saving starts then (never before: it would overwrite it). */
  restored = $state(false);

  constructor(private readonly studio: Studio) {
    studio.api.on('runs.event', (event) => {
      const ended =
        event.type === 'status' && (event.status === 'done' || event.status === 'stopped' || event.status === 'failed');
      if (ended || event.type === 'removed') void this.refreshDisk();
    });
  }

  /** Load the workspace from the host and apply it; with nothing saved, open the built-in spiral. */
  async restore(): Promise<void> {
    await this.studio.attempt(async () => {
      const load = await this.studio.api.call('workspace.load', {});
      await this.apply(load);
    });
    this.restored = true;
  }

  private async apply(load: WorkspaceLoad): Promise<void> {
    const { studio } = this;
    const { editor } = load;
    this.applySettings(editor.settings);
    if (editor.architecture) studio.history.reset(editor.architecture);
    if (editor.training) studio.config = editor.training;
    if (editor.split) studio.split = editor.split;
    this.problem = load.datasetProblem;
    this.recovery = load.recovery;
    this.disk = load.disk;
    studio.runs = load.runs;
    if (load.dataset) studio.dataset = load.dataset;
    else if (!load.datasetProblem) studio.useDataset(await studio.api.call('datasets.builtin', { name: 'spiral' }));
    const known = (id: unknown): id is string => load.runs.some((r) => r.id === id);
    const active = editor.settings.activeRun;
    studio.activeRunId = known(active) ? active : null;
    const overlay = editor.settings.overlay;
    studio.overlay = typeof overlay === 'string' ? overlay.split(',').filter(known) : [];
    await Promise.all([studio.activeRunId, ...studio.overlay].flatMap((id) => (id ? [studio.ensureCurves(id)] : [])));
  }

  private applySettings(settings: Settings): void {
    const mode = oneOf<ThemeMode>(THEME_MODES, settings.theme);
    if (mode) theme.mode = mode;
    const language = oneOf<Language>(LANGUAGES, settings.language);
    if (language) applyLanguage(language);
    if (typeof settings.tab === 'string') this.studio.tab = settings.tab;
    paneLayout.apply(settings);
    const every = settings.checkpointEvery;
    const unit = oneOf(['epochs', 'seconds'] as const, settings.checkpointUnit);
    if (typeof every === 'number' && Number.isInteger(every) && every >= 1 && unit) this.studio.checkpoint = { every, unit };
  }

  /** What is saved: the editor and the UI settings (read inside an effect, so every one of them is tracked). */
  editorState(): EditorState {
    const { studio } = this;
    return {
      architecture: $state.snapshot(studio.architecture),
      training: $state.snapshot(studio.config),
      split: $state.snapshot(studio.split),
      datasetId: studio.dataset?.id ?? null,
      settings: {
        theme: theme.mode,
        language: locale.language,
        tab: studio.tab,
        activeRun: studio.activeRunId,
        overlay: studio.overlay.join(','),
        ...paneLayout.settings(),
        checkpointEvery: studio.checkpoint.every,
        checkpointUnit: studio.checkpoint.unit,
      },
    };
  }

  /** Send the editor's state to the host whenever it changes (after the restore); returns the function that stops it. */
  autosave(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const state = this.editorState();
        if (!this.restored) return;
        untrack(() => void this.send(state)); // send() counts pending saves: not a dependency of this effect
      });
    });
  }

  private async send(state: EditorState): Promise<void> {
    this.pending += 1;
    try {
      await this.studio.api.call('workspace.save', state);
    } catch (error) {
      this.studio.error = describeError(error); // worded by its code, like every error the banner shows
    } finally {
      this.pending -= 1;
    }
  }

  /** Ask again how much disk the runs' files use (after a run ended or was deleted). */
  async refreshDisk(): Promise<void> {
    await this.studio.attempt(async () => {
      this.disk = await this.studio.api.call('workspace.usage', {});
    });
  }

  /** Pick the moved or changed file and import it with the recorded options. */
  async locate(): Promise<void> {
    await this.studio.attempt(async () => {
      const file = await this.studio.api.call('files.open', { purpose: 'dataset' });
      if (!file) return;
      this.studio.dataset = await this.studio.api.call('workspace.locateDataset', { fileId: file.fileId });
      this.problem = null;
    });
  }

  /** Give up the missing dataset and open the built-in spiral instead. */
  async useBuiltin(): Promise<void> {
    await this.studio.loadBuiltin('spiral');
    if (this.studio.dataset) this.problem = null;
  }
}
