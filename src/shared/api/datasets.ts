/** API methods of datasets: built-ins, sniffing and importing files, listing. */
import { z } from 'zod';
import { builtinDatasetSchema, importOptionsSchema, sniffOptionsSchema, type CsvSniff, type DatasetSummary } from '../datasets';
import { method, noArgs, byId, idSchema } from './define';

export const datasetMethods = {
  'datasets.builtin': method<DatasetSummary>()(builtinDatasetSchema),
  /** The head of a CSV, re-read with the options the wizard shows (delimiter, header, skipped lines). */
  'datasets.sniff': method<CsvSniff>()(z.object({ fileId: idSchema, options: sniffOptionsSchema.optional() }).strict()),
  'datasets.import': method<DatasetSummary>()(z.object({ fileId: idSchema, options: importOptionsSchema }).strict()),
  /** An MNIST-format idx pair (images idx3 + labels idx1, gzipped or not), both opened through files.open. */
  'datasets.importIdx': method<DatasetSummary>()(z.object({ imagesFileId: idSchema, labelsFileId: idSchema }).strict()),
  /** One row of a loaded dataset (0-based index): raw feature values with their names (Predict's "use row N"). */
  'datasets.row': method<{ featureNames: string[]; values: number[] }>()(
    z.object({ datasetId: idSchema, index: z.number().int().min(0).max(1e9) }).strict(),
  ),
  'datasets.list': method<DatasetSummary[]>()(noArgs),
  'datasets.remove': method<void>()(byId),
};
