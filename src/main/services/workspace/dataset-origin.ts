/**
 * A dataset's origin as the workspace records it (builtin parameters, or the file with its size and time and the
 * import options) and the import that brings it back at the next launch — or names the file that went missing or changed.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, DatasetSummary, ImportOptions } from '../../../shared/datasets';
import type { DatasetOrigin, FileStamp } from '../../../shared/workspace';

/** What the workspace needs from the dataset service (DatasetService satisfies it). */
export interface DatasetImporter {
  import(source: DataSource, options?: Partial<ImportOptions>): Promise<DatasetSummary>;
  get(id: string): { summary: DatasetSummary; origin: { source: DataSource; options: ImportOptions } };
}

/** Why the recorded dataset could not be imported again; `name` is the file's name (never its folder). */
export interface DatasetProblem {
  code: 'dataset-missing' | 'dataset-changed' | 'dataset-unreadable';
  name: string;
  detail: string | null;
}

/** A dataset id of an earlier launch, marked so that it never names a dataset of this one. */
export const earlier = (id: string): string => (id.startsWith('earlier:') ? id : `earlier:${id}`);

/** What `keep` does with a file before it is recorded: uploads live in a temporary folder, so they are copied. */
export type KeepFile = (file: string) => Promise<string>;

async function stampOf(file: string): Promise<FileStamp> {
  const info = await stat(file);
  return { path: file, size: info.size, mtimeMs: info.mtimeMs };
}

/** Copy `file` into `folder/<uuid>/<name>` (its name is the dataset's name) and return the copy's path. */
export async function copyInto(folder: string, file: string): Promise<string> {
  const target = path.join(folder, randomUUID(), path.basename(file));
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await copyFile(file, target);
  return target;
}

/** The origin to record for a dataset imported from `source` with `options` (null for a source that cannot be re-imported). */
export async function recordOrigin(source: DataSource, options: ImportOptions, keep: KeepFile): Promise<DatasetOrigin | null> {
  switch (source.kind) {
    case 'builtin': {
      const { kind: _kind, ...builtin } = source;
      return { kind: 'builtin', ...builtin };
    }
    case 'csv':
      return { kind: 'csv', name: path.basename(source.path), file: await stampOf(await keep(source.path)), options };
    case 'idx':
      return {
        kind: 'idx',
        name: path.basename(source.imagesPath),
        images: await stampOf(await keep(source.imagesPath)),
        labels: await stampOf(await keep(source.labelsPath)),
      };
    case 'idx-folder':
      return null;
    default: {
      const unknown: never = source;
      throw new Error(`unknown data source ${JSON.stringify(unknown)}`);
    }
  }
}

/** Is the file as recorded? A problem names it when it is missing or its size or time differ. */
async function checkStamp(recorded: FileStamp, name: string): Promise<DatasetProblem | null> {
  if (recorded.path === '') return { code: 'dataset-missing', name, detail: null };
  const now = await stampOf(recorded.path).catch(() => null);
  if (!now) return { code: 'dataset-missing', name, detail: null };
  if (now.size !== recorded.size || now.mtimeMs !== recorded.mtimeMs) return { code: 'dataset-changed', name, detail: null };
  return null;
}

/** Import the recorded dataset again (unchanged files only); `pathOverride` is a file the user located instead. */
export async function reimport(
  origin: DatasetOrigin,
  datasets: DatasetImporter,
  pathOverride: string | null = null,
): Promise<{ summary: DatasetSummary } | { problem: DatasetProblem }> {
  const { name } = origin;
  try {
    if (origin.kind === 'builtin') {
      const { kind: _kind, ...builtin } = origin;
      return { summary: await datasets.import({ kind: 'builtin', ...builtin }, {}) };
    }
    if (origin.kind === 'csv') {
      const problem = pathOverride === null ? await checkStamp(origin.file, name) : null;
      if (problem) return { problem };
      return { summary: await datasets.import({ kind: 'csv', path: pathOverride ?? origin.file.path }, origin.options) };
    }
    const problem =
      pathOverride === null
        ? ((await checkStamp(origin.images, name)) ?? (await checkStamp(origin.labels, path.basename(origin.labels.path))))
        : null;
    if (problem) return { problem };
    return {
      summary: await datasets.import(
        { kind: 'idx', imagesPath: pathOverride ?? origin.images.path, labelsPath: origin.labels.path },
        {},
      ),
    };
  } catch (error) {
    return { problem: { code: 'dataset-unreadable', name, detail: error instanceof Error ? error.message : String(error) } };
  }
}
