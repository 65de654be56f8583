/** API methods of datasets: built-ins, sniffing and importing files, listing. */
import { z } from 'zod';
import type { DatasetSummary, CsvSniff } from '../../main/services/datasets/types';
import { importOptionsSchema, BUILTIN_NAMES } from '../../main/services/datasets/types';
import { method, noArgs, byId, idSchema } from './define';

export const datasetMethods = {
  'datasets.builtin': method<DatasetSummary>()(
    z
      .object({
        name: z.enum(BUILTIN_NAMES),
        samples: z.number().int().min(10).max(100_000).optional(),
        noise: z.number().min(0).max(10).optional(),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict(),
  ),
  'datasets.sniff': method<CsvSniff>()(z.object({ fileId: idSchema }).strict()),
  'datasets.import': method<DatasetSummary>()(z.object({ fileId: idSchema, options: importOptionsSchema }).strict()),
  /** An MNIST-format idx pair (images idx3 + labels idx1, gzipped or not), both opened through files.open. */
  'datasets.importIdx': method<DatasetSummary>()(z.object({ imagesFileId: idSchema, labelsFileId: idSchema }).strict()),
  'datasets.list': method<DatasetSummary[]>()(noArgs),
  'datasets.remove': method<void>()(byId),
};
