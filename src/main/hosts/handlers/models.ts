/** Handlers of the model methods (models.save is host-specific: see desktop-dialogs.ts and web-host-handlers.ts). */
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { modelMethods } from '../../../shared/api/models';
import type { LoadedModel, ModelInfo } from '../../../shared/model';
import type { AppServices } from '../../services/app';
import type { RunStartRequest } from '../../../shared/runs';
import { dataConfigOf, defaultDataConfig, type PytorchDataConfig } from '../../services/models/pytorch/data-config';
import { bundledDataFiles } from '../../services/models/pytorch/bundled-data';
import type { Handlers } from '../dispatch';

/** The JSON-safe description of a kept model. */
export function modelInfo(model: LoadedModel): ModelInfo {
  const { snapshot } = model;
  return {
    id: model.id,
    name: model.name,
    datasetName: snapshot.datasetName,
    architecture: snapshot.architecture,
    featureNames: snapshot.featureNames,
    classNames: snapshot.classNames,
  };
}

/** A recent file's id for the page: the first 16 hex digits of its path's SHA-256 (stable, and names no path). */
const recentId = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 16);

const fileName = (name: string, extension: string): string =>
  `${name.replace(/\.safetensors$/i, '').replace(/[^\w.-]+/g, '_') || 'model'}.${extension}`;

/** The data settings of the run a model was taken from (file names only: no host path reaches the page), else the defaults. */
function runDataConfig({ runs, datasets }: AppServices, runId: string | undefined, seed: number): PytorchDataConfig {
  if (runId === undefined) return defaultDataConfig(seed);
  let request: RunStartRequest;
  try {
    request = runs.request(runId);
  } catch {
    return defaultDataConfig(seed); // the run was removed since the model was taken from it
  }
  const { split } = request;
  try {
    const stored = datasets.get(request.datasetId);
    return dataConfigOf(stored.origin.source, stored.origin.options, split, (path) => basename(path));
  } catch {
    return {
      ...defaultDataConfig(seed),
      validation: split.validation,
      test: split.test,
      seed: split.seed,
      stratify: split.stratify,
    };
  }
}

export function modelHandlers(services: AppServices): Omit<Pick<Handlers, keyof typeof modelMethods>, 'models.save'> {
  const { models, recentModels, runs, files } = services;
  return {
    'models.fromRun': (args) => {
      const snapshot = runs.snapshot(args.runId);
      return modelInfo(models.openBytes(models.encode(snapshot), `${args.runId}.safetensors`));
    },
    'models.open': async (args) => {
      const file = files.get(args.fileId);
      const model = await models.open(file.path);
      // An upload is a temporary copy: only files the user keeps on disk become recent.
      if (!file.temporary) await recentModels.add(file.path).catch(() => undefined);
      return modelInfo({ ...model, name: file.name });
    },
    'models.encode': (args) => {
      const model = models.get(args.modelId);
      return { name: fileName(model.name, 'safetensors'), bytes: models.encode(model.snapshot) };
    },
    'models.predictRows': (args) => models.predictRows(args.modelId, args.rows),
    'models.predictFile': (args) => models.predictCsv(args.modelId, files.get(args.fileId).path),
    'models.export': async (args) => {
      const model = models.get(args.modelId);
      if (args.format === 'pytorch') {
        const folder = fileName(model.name, 'pytorch').replace(/\.pytorch$/, '-pytorch');
        const data = runDataConfig(services, args.runId, model.snapshot.trainingConfig.seed);
        const extra = await bundledDataFiles(data, services.resourcesDir);
        return { name: `${folder}.zip`, bytes: models.exportPytorchZip(model.snapshot, data, folder, extra) };
      }
      return args.format === 'onnx'
        ? { name: fileName(model.name, 'onnx'), bytes: models.exportOnnx(args.modelId) }
        : { name: fileName(model.name, 'py'), bytes: new TextEncoder().encode(models.exportNumpy(model.snapshot)) };
    },
    'models.recent': async () => (await recentModels.list()).map((p) => ({ id: recentId(p), name: basename(p) })),
    'models.openRecent': async (args) => {
      const path = (await recentModels.list()).find((p) => recentId(p) === args.id);
      if (path === undefined) return { missing: '' };
      try {
        await access(path);
      } catch {
        await recentModels.remove(path).catch(() => undefined);
        return { missing: basename(path) };
      }
      const model = await models.open(path);
      await recentModels.add(path).catch(() => undefined);
      return { opened: modelInfo({ ...model, name: basename(path) }) };
    },
  };
}
