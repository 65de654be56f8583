/**
 * Migrations of the workspace document to the current format version. Version 1 → 2: runs of several launches (keyed
 * by session and an id that restarted each launch) get unique ids; the dataset, remembered without its file's
 * location, keeps its name and import options so that the restore asks the user to locate it; no run had a model file.
 */
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/datasets';
import type { RunCurves, RunSummary } from '../../../shared/runs';
import type { WorkspaceV1 } from './schema-v1';
import { WORKSPACE_FORMAT_VERSION, type DatasetOrigin, type Workspace } from '../../../shared/workspace';

/** The first dataset of a version 1 editor as an origin (a file's location was never recorded: it reads as missing). */
function originOfV1(ref: WorkspaceV1['editor']['datasets'][number] | undefined): DatasetOrigin | null {
  if (!ref) return null;
  if (ref.builtin) return { kind: 'builtin', ...ref.builtin };
  return {
    kind: 'csv',
    name: ref.name,
    file: { path: '', size: -1, mtimeMs: 0 },
    options: ref.importOptions ?? DEFAULT_IMPORT_OPTIONS,
  };
}

/** Migrate a validated version 1 document to the current format. */
export function migrateV1(v1: WorkspaceV1): Workspace {
  const ids = v1.runs.map((r) => r.summary.id);
  const unique = new Set(ids).size === ids.length;
  const runs = v1.runs.map((run, i) => {
    const id = unique ? run.summary.id : `run-${i + 1}`;
    // The summary schema checks the fields the history uses and passes the others through (schema-parts.ts).
    const summary = { ...(run.summary as unknown as RunSummary), id };
    const curves = { ...(run.curves as RunCurves), runId: id };
    return { summary, curves, modelFile: null };
  });
  const { datasets, ...editor } = v1.editor;
  const origin = originOfV1(datasets[0]);
  return {
    formatVersion: WORKSPACE_FORMAT_VERSION,
    savedAt: v1.savedAt,
    editor: { ...editor, dataset: origin ? { id: '', origin } : null },
    runs,
  };
}
