/** The data files an exported project carries for the built-in datasets that are files of ours (iris.csv, digits.csv.gz). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveResourcesDir } from '../../datasets/resources';
import type { PytorchDataConfig } from './data-config';
import type { ProjectFile } from './export';

/** Built-in dataset → the file under resources/datasets that data.py reads beside itself (the generators need none). */
export const BUNDLED_DATA_FILES: Readonly<Record<string, string>> = { iris: 'iris.csv', digits: 'digits.csv.gz' };

/** The files the project needs for `data.source` (none unless it is builtin:iris or builtin:digits), read from the resources. */
export async function bundledDataFiles(data: PytorchDataConfig, resourcesDir?: string): Promise<ProjectFile[]> {
  const name = data.source?.startsWith('builtin:') ? BUNDLED_DATA_FILES[data.source.slice('builtin:'.length)] : undefined;
  if (name === undefined) return [];
  const bytes = await readFile(join(resolveResourcesDir(resourcesDir), 'datasets', name));
  return [{ name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }];
}
