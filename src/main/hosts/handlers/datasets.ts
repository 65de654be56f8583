/** Handlers of the dataset methods. */
import type { datasetMethods } from '../../../shared/api/datasets';
import type { AppServices } from '../../services/app';
import type { ImportProgress } from '../../../shared/datasets';
import type { Handlers } from '../dispatch';
import { FileUses } from './file-uses';

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
  const uses = new FileUses();
  return {
    'datasets.builtin': (args) => datasets.import({ kind: 'builtin', ...args }, {}),
    'datasets.sniff': (args) => datasets.sniff(files.get(args.fileId).path, args.options),
    'datasets.import': async (args) => {
      const file = files.get(args.fileId);
      return uses.imported(
        await datasets.import({ kind: 'csv', path: file.path }, args.options, onProgress, undefined, file.name),
        [args.fileId],
      );
    },
    'datasets.importIdx': async (args) => {
      const images = files.get(args.imagesFileId);
      const labels = files.get(args.labelsFileId);
      const source = { kind: 'idx', imagesPath: images.path, labelsPath: labels.path } as const;
      return uses.imported(await datasets.import(source, {}, onProgress, undefined, `${images.name} + ${labels.name}`), [
        args.imagesFileId,
        args.labelsFileId,
      ]);
    },
    'datasets.row': (args) => datasets.row(args.datasetId, args.index),
    'datasets.list': () => datasets.list(),
    'datasets.remove': async (args) => {
      datasets.remove(args.id);
      await Promise.all(uses.removed(args.id).map((fileId) => files.release(fileId)));
    },
  };
}
