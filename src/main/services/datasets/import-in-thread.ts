/** Import any data source in the calling thread (the worker calls this; tests call it directly). */
import { importBuiltin } from './builtin';
import { importCsv } from './csv-import';
import { importIdxFolder, importIdxPair } from './idx';
import type { DataSource, ImportOptions, ImportProgress, ImportResult } from '../../../shared/datasets';

export async function importInThread(
  source: DataSource,
  options: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
  resourcesDir?: string,
): Promise<ImportResult> {
  switch (source.kind) {
    case 'csv':
      return importCsv(source.path, options, onProgress, signal);
    case 'idx':
      return importIdxPair(source.imagesPath, source.labelsPath);
    case 'idx-folder':
      return importIdxFolder(source.path);
    case 'builtin':
      return importBuiltin(source, resourcesDir);
    default: {
      const never: never = source;
      throw new Error(`unknown data source ${JSON.stringify(never)}`);
    }
  }
}
