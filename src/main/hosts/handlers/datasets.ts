/** Handlers of the dataset methods. */
import type { datasetMethods } from '../../../shared/api/datasets';
import type { AppServices } from '../../services/app';
import type { ImportProgress } from '../../../shared/datasets';
import type { Handlers } from '../dispatch';

/** Import progress reaches the page at most ten times a second. */
const PROGRESS_INTERVAL_MS = 100;

export function datasetHandlers({ datasets, files, importProgress }: AppServices): Pick<Handlers, keyof typeof datasetMethods> {
  let lastProgress = 0;
  const onProgress = (progress: ImportProgress) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    importProgress.emit(progress);
  };
  return {
    'datasets.builtin': (args) => datasets.import({ kind: 'builtin', ...args }, {}),
    'datasets.sniff': (args) => datasets.sniff(files.get(args.fileId).path),
    'datasets.import': (args) => datasets.import({ kind: 'csv', path: files.get(args.fileId).path }, args.options, onProgress),
    'datasets.importIdx': (args) =>
      datasets.import({ kind: 'idx', imagesPath: files.get(args.imagesFileId).path, labelsPath: files.get(args.labelsFileId).path }, {}, onProgress),
    'datasets.list': () => datasets.list(),
    'datasets.remove': (args) => datasets.remove(args.id),
  };
}
