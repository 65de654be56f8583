/** Model actions of the studio: keep the active run's weights as a model, save it (dialog or download), export it, open one. */
import type { ApiClient } from '../../../shared/api';
import type { ExportFormat, ModelInfo } from '../../../shared/model';
import { download } from './web-files';

/**
 * Which run a kept model came from, and after how many iterations, so that Save of the same, unchanged run
 * reuses it (and its remembered path), while a run that trained on is taken again (never stale weights).
 */
export interface KeptModel {
  runId: string | null;
  iteration: number | null;
  info: ModelInfo;
}

/** The model of a run at `iteration`, taken from the run unless `kept` already holds exactly those weights. */
export async function modelOfRun(api: ApiClient, runId: string, iteration: number, kept: KeptModel | null): Promise<KeptModel> {
  if (kept && kept.runId === runId && kept.iteration === iteration) return kept;
  return { runId, iteration, info: await api.call('models.fromRun', { runId }) };
}

/** Save (desktop: native dialog, skipped for a model saved before unless saveAs; browser: a download). Returns the file name. */
export async function saveModel(api: ApiClient, model: KeptModel, saveAs: boolean): Promise<string | null> {
  const result = await api.call('models.save', { modelId: model.info.id, saveAs });
  return result.saved ? result.name : null;
}

/** Export as ONNX, a NumPy script or a PyTorch project (.zip, naming the run's data when the model came from a run), as a download. */
export async function exportModel(api: ApiClient, model: KeptModel, format: ExportFormat): Promise<string> {
  const file = await api.call(
    'models.export',
    model.runId === null ? { modelId: model.info.id, format } : { modelId: model.info.id, format, runId: model.runId },
  );
  download(file.name, file.bytes);
  return file.name;
}

/** Pick a .safetensors file and open it (validated by the model service). Null when the user cancels. */
export async function openModel(api: ApiClient): Promise<KeptModel | null> {
  const file = await api.call('files.open', { purpose: 'model' });
  return file ? { runId: null, iteration: null, info: await api.call('models.open', { fileId: file.fileId }) } : null;
}
