/** Finds the shipped resources folder (icons, built-in datasets) from a built entry's folder. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Walk up from `start` to the first folder that holds resources/; throws if there is none. */
export function findResourcesDir(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no resources folder above ${start}`);
    dir = parent;
  }
}
