/** Model actions of the studio: keep the active run's weights as a model, save it (dialog or download), export it, open one. */
import type { ApiClient } from '../../../shared/api';
import type { ModelInfo } from '../../../shared/api/models';
import { download } from './web-files';

/** Which run a kept model came from, so that Save of the same run reuses it (and its remembered path). */
export interface KeptModel {
  runId: string | null;
  info: ModelInfo;
}

/** The model of run `runId`, taking it from the run unless `kept` already is that run's. */
export async function modelOfRun(api: ApiClient, runId: string, kept: KeptModel | null): Promise<KeptModel> {
  if (kept && kept.runId === runId) return kept;
  return { runId, info: await api.call('models.fromRun', { runId }) };
}

/** Save (desktop: native dialog, skipped for a model saved before unless saveAs; browser: a download). Returns the file name. */
export async function saveModel(api: ApiClient, model: KeptModel, saveAs: boolean): Promise<string | null> {
  const result = await api.call('models.save', { modelId: model.info.id, saveAs });
  return result.saved ? result.name : null;
}

/** Export as ONNX or as a NumPy script, handed to the browser (or Electron) as a download. */
export async function exportModel(api: ApiClient, model: KeptModel, format: 'onnx' | 'numpy'): Promise<string> {
  const file = await api.call('models.export', { modelId: model.info.id, format });
  download(file.name, file.bytes);
  return file.name;
}

/** Pick a .safetensors file and open it (validated by the model service). Null when the user cancels. */
export async function openModel(api: ApiClient): Promise<KeptModel | null> {
  const file = await api.call('files.open', { purpose: 'model' });
  return file ? { runId: null, info: await api.call('models.open', { fileId: file.fileId }) } : null;
}
