/** Reads, validates and atomically writes the workspace file; a file that cannot be used is moved aside, never deleted. */
import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { RunCurves, RunSummary } from '../../../shared/runs';
import type { z } from 'zod';
import { WORKSPACE_FORMAT_VERSION, workspaceSchema, type Workspace } from '../../../shared/workspace';
import { workspaceV1Schema } from './schema-v1';
import { migrateV1 } from './migrate';

/** The workspace file is small (capped history); anything larger is not ours. */
export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024;

/** What reading found: the workspace, nothing (first launch), or a problem and where the bad file went. */
export type WorkspaceRead =
  { kind: 'loaded'; workspace: Workspace } | { kind: 'missing' } | { kind: 'moved-aside'; problem: string; movedTo: string };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Validate `json` with `schema`; throws naming the first problem and its path in the document. */
function validate<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`does not match the workspace schema at ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Parse, validate and (from an older format version) migrate the text of a workspace file; throws naming the first problem. */
export function parseWorkspace(text: string): Workspace {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${reason(error)}`);
  }
  const version = typeof json === 'object' && json !== null && 'formatVersion' in json ? json.formatVersion : undefined;
  if (version === 1) return migrateV1(validate(workspaceV1Schema, json));
  if (typeof version === 'number' && version > WORKSPACE_FORMAT_VERSION) {
    throw new Error(`has format version ${version}, newer than this app reads (${WORKSPACE_FORMAT_VERSION})`);
  }
  const { runs, ...rest } = validate(workspaceSchema, json);
  // The summary schema checks the fields the history view uses and lets the others pass through (see schema-parts.ts),
  // so the checked object is a RunSummary as this version of the run service wrote it.
  return {
    ...rest,
    runs: runs.map((r) => ({
      summary: r.summary as unknown as RunSummary,
      curves: r.curves as RunCurves,
      modelFile: r.modelFile,
    })),
  };
}

/** `<file>.corrupt-2026-11-28T01-02-03-456Z`: sortable, and legal on every file system. */
export function asidePath(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/:/g, '-').replace('.', '-')}`;
}

/** Read `file`; a file that is unreadable, too large, not JSON or fails the schema is renamed aside and reported. */
export async function readWorkspaceFile(file: string, now: () => Date = () => new Date()): Promise<WorkspaceRead> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength > MAX_WORKSPACE_BYTES)
      throw new Error(`is ${bytes.byteLength} bytes, over the ${MAX_WORKSPACE_BYTES}-byte limit`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return moveAside(file, `cannot be read: ${reason(error)}`, now());
  }
  try {
    return { kind: 'loaded', workspace: parseWorkspace(text) };
  } catch (error) {
    return moveAside(file, reason(error), now());
  }
}

async function moveAside(file: string, problem: string, now: Date): Promise<WorkspaceRead> {
  const movedTo = asidePath(file, now);
  await rename(file, movedTo);
  return { kind: 'moved-aside', problem, movedTo };
}

/** Write the workspace atomically (temp file, fsync, rename): a kill at any moment leaves the old or the new file. */
export async function writeWorkspaceFile(file: string, workspace: Workspace): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(workspace), { mode: 0o600 });
}
