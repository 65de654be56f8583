/** Handlers of the dataset methods. */
import type { datasetMethods } from '../../../shared/api/datasets';
import type { AppServices } from '../../services/app';
import type { Handlers } from '../dispatch';

export function datasetHandlers({ datasets, files }: AppServices): Pick<Handlers, keyof typeof datasetMethods> {
  return {
    'datasets.builtin': (args) => datasets.import({ kind: 'builtin', ...args }, {}),
    'datasets.sniff': (args) => datasets.sniff(files.get(args.fileId).path),
    'datasets.import': (args) => datasets.import({ kind: 'csv', path: files.get(args.fileId).path }, args.options),
    'datasets.list': () => datasets.list(),
    'datasets.remove': (args) => datasets.remove(args.id),
  };
}
