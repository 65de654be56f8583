/** API methods of models: take one from a run, open, save (host-specific), encode for download, predict, export, recent files. */
import { z } from 'zod';
import { exportFormatSchema, type DownloadFile, type ModelInfo, type Prediction } from '../model';
import { method, noArgs, idSchema } from './define';

/** A recent model file as the page sees it: an opaque id (a hash of the path) and the file's base name. */
export interface RecentModel {
  id: string;
  name: string;
}

const row = z.array(z.number().refine(Number.isFinite, 'every feature value must be a finite number')).min(1).max(100_000);

export const modelMethods = {
  /** Keep the latest weights of a run as a model. */
  'models.fromRun': method<ModelInfo>()(z.object({ runId: idSchema }).strict()),
  'models.open': method<ModelInfo>()(z.object({ fileId: idSchema }).strict()),
  /** Host-specific: the desktop shows a save dialog (skipped when the model was saved before and saveAs is false); the browser downloads models.encode's bytes. */
  'models.save': method<{ saved: boolean; name: string | null }>()(z.object({ modelId: idSchema, saveAs: z.boolean() }).strict()),
  'models.encode': method<DownloadFile>()(z.object({ modelId: idSchema }).strict()),
  'models.predictRows': method<Prediction[]>()(z.object({ modelId: idSchema, rows: z.array(row).min(1).max(10_000) }).strict()),
  'models.predictFile': method<{ predictions: Prediction[]; csv: string }>()(
    z.object({ modelId: idSchema, fileId: idSchema }).strict(),
  ),
  /** runId (the run the model was taken from) lets the PyTorch project name the run's data source and split. */
  'models.export': method<DownloadFile>()(
    z.object({ modelId: idSchema, format: exportFormatSchema, runId: idSchema.optional() }).strict(),
  ),
  /** Recently opened or saved model files: an id and the base name each (the renderer never sees paths). */
  'models.recent': method<RecentModel[]>()(noArgs),
  /** Reopen a recent model by its id; a file that no longer opens is removed from the list and reported by name. */
  'models.openRecent': method<{ opened: ModelInfo } | { missing: string }>()(
    z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
  ),
};
