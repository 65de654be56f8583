/** Locating the shipped resources folder (resources/datasets) from an explicit option or by walking up from this module. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds `datasets/` (e.g. iris.csv): `resourcesDir` when given, else the first ancestor
 * of `from` (default: this module's folder) that contains resources/datasets.
 */
export function resolveResourcesDir(resourcesDir?: string, from: string = dirname(fileURLToPath(import.meta.url))): string {
  if (resourcesDir !== undefined) {
    if (!existsSync(join(resourcesDir, 'datasets'))) throw new Error(`resources folder ${resourcesDir} has no datasets/ folder`);
    return resourcesDir;
  }
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'datasets'))) return join(dir, 'resources');
    if (dirname(dir) === dir) throw new Error(`no resources/datasets folder found above ${from}; pass resourcesDir`);
  }
}
