/** ModelService: save, open (file or uploaded bytes), keep by id, predict (rows or CSV) and export (ONNX, NumPy, PyTorch). Plain Node. */
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { ModelSnapshot } from '../../../shared/model';
import { readCsvFeatures, type CsvReadOptions } from './csv-features';
import { decodeModel, encodeModel } from './model-codec';
import { readModelFile, saveModelFile } from './model-file';
import { exportNumpy } from './numpy/export';
import { exportOnnx } from './onnx/export';
import type { PytorchDataConfig } from './pytorch/data-config';
import { exportPytorch, type ProjectFile } from './pytorch/export';
import { zipFiles } from './pytorch/zip';
import { predictionsToCsv } from './predictions-csv';
import { Predictor } from './predictor';
import type { LoadedModel, Prediction } from '../../../shared/model';

interface Entry {
  model: LoadedModel;
  predictor: Predictor | null;
}

/** Where saves are recorded, so that their folders are swept of interrupted writes (WriteJournal satisfies it). */
export interface SaveJournal {
  recordAndSweep(folder: string): Promise<string[]>;
}

export class ModelService {
  private readonly models = new Map<string, Entry>();

  constructor(private readonly journal?: SaveJournal) {}

  /**
   * Validate and write `snapshot` to `path` atomically (previous version kept as `<path>.bak`), then record its folder
   * in the journal and sweep the temporary files interrupted saves left there. Throws ModelFileError.
   */
  async save(path: string, snapshot: ModelSnapshot): Promise<void> {
    await saveModelFile(path, snapshot);
    await this.journal?.recordAndSweep(dirname(path)).catch(() => []);
  }

  /** Snapshot → validated model-file bytes (for a browser download). Throws ModelFileError. */
  encode(snapshot: ModelSnapshot): Uint8Array {
    return encodeModel(snapshot);
  }

  /** Open and validate a model file; it is kept under a new id. Throws ModelFileError. */
  async open(path: string): Promise<LoadedModel> {
    return this.keep(basename(path), await readModelFile(path));
  }

  /** Validate uploaded bytes (browser upload) named `name`; kept under a new id. Throws ModelFileError. */
  openBytes(bytes: Uint8Array, name: string): LoadedModel {
    return this.keep(name, decodeModel(bytes, name));
  }

  /** The model kept under `id`; throws naming the id when there is none. */
  get(id: string): LoadedModel {
    return this.entry(id).model;
  }

  /** Every model kept, in opening order. */
  list(): LoadedModel[] {
    return [...this.models.values()].map((e) => e.model);
  }

  /** Forget a model. */
  remove(id: string): void {
    this.models.delete(id);
  }

  /** Raw feature rows (R × D, the stored normalization is applied) → R predictions. Throws naming the bad row/column. */
  predictRows(id: string, rows: number[][]): Prediction[] {
    return this.predictor(id).predictRows(rows);
  }

  /** Predict every row of a CSV holding the model's feature columns (by header name): a table and its CSV text. */
  async predictCsv(id: string, path: string, read: CsvReadOptions = {}): Promise<{ predictions: Prediction[]; csv: string }> {
    const predictor = this.predictor(id);
    const { x } = await readCsvFeatures(path, predictor.snapshot.featureNames, read);
    const predictions = await predictor.predictFeaturesYielding(x);
    return { predictions, csv: predictionsToCsv(predictions, predictor.snapshot.classNames) };
  }

  /** ONNX (opset 13) bytes of a kept model or of a snapshot. */
  exportOnnx(model: string | ModelSnapshot): Uint8Array {
    return exportOnnx(typeof model === 'string' ? this.get(model).snapshot : model);
  }

  /** The plain-NumPy Python script for a snapshot. */
  exportNumpy(snapshot: ModelSnapshot): string {
    return exportNumpy(snapshot);
  }

  /** The PyTorch project of a snapshot (with `extra` files, e.g. a built-in dataset's CSV) as one .zip whose entries sit in `folder`/. */
  exportPytorchZip(
    snapshot: ModelSnapshot,
    data: PytorchDataConfig,
    folder: string,
    extra: readonly ProjectFile[] = [],
  ): Uint8Array {
    return zipFiles(exportPytorch(snapshot, data, extra).map((f) => ({ name: `${folder}/${f.name}`, bytes: f.bytes })));
  }

  private keep(name: string, snapshot: ModelSnapshot): LoadedModel {
    const model: LoadedModel = { id: randomUUID(), name, snapshot };
    this.models.set(model.id, { model, predictor: null });
    return model;
  }

  private entry(id: string): Entry {
    const entry = this.models.get(id);
    if (!entry) throw new Error(`no open model with id "${id}"`);
    return entry;
  }

  private predictor(id: string): Predictor {
    const entry = this.entry(id);
    entry.predictor ??= new Predictor(entry.model.snapshot);
    return entry.predictor;
  }
}
