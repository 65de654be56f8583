/** Import any data source in the calling thread (the worker calls this; tests call it directly). */
import { importBuiltin } from './builtin';
import { importCsv } from './csv-import';
import { importIdxFolder, importIdxPair } from './idx';
import {
  DEFAULT_IMPORT_LIMITS,
  type DataSource,
  type ImportLimits,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from '../../../shared/datasets';

/** The size options that are set (an undefined one keeps the default limit). */
function definedLimits(options: ImportOptions): Partial<ImportLimits> {
  const { maxFileBytes, maxFieldBytes, maxRows, memoryBudgetBytes } = options;
  return Object.fromEntries(
    Object.entries({ maxFileBytes, maxFieldBytes, maxRows, memoryBudgetBytes }).filter(([, v]) => v !== undefined),
  );
}

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
      return importIdxPair(source.imagesPath, source.labelsPath, undefined, {
        ...DEFAULT_IMPORT_LIMITS,
        ...definedLimits(options),
      });
    case 'idx-folder':
      return importIdxFolder(source.path, { ...DEFAULT_IMPORT_LIMITS, ...definedLimits(options) });
    case 'builtin':
      return importBuiltin(source, resourcesDir);
    default: {
      const never: never = source;
      throw new Error(`unknown data source ${JSON.stringify(never)}`);
    }
  }
}
