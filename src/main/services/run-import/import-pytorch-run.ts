/**
 * Import a run trained by an exported PyTorch project (train.py's OUT folder: model.safetensors, losses.csv,
 * epochs.csv) as a finished run of the history: its curves, its settings and its model, so that it overlays the run it
 * was exported from. Every file is validated (the model as any model file, the curves cell by cell) before anything is kept.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LossCurve } from '../../engine/loss-curve';
import { readModelFile } from '../models/model-file';
import type { ModelSnapshot } from '../../../shared/model';
import type { UnnumberedRun } from '../../../shared/runs';
import { samplesPerSecond } from '../../../shared/throughput';
import { parseEpochs, parseLosses, type ImportedEpoch } from './curves-csv';
import { RunImportError } from './run-import-error';

/** The three files of an imported run. */
export interface PytorchRunFiles {
  model: string;
  losses: string;
  epochs: string;
}

/** Curves files larger than this are refused (a million iterations take about 30 MB). */
const MAX_CSV_BYTES = 64 * 1024 * 1024;

/** The files of train.py's output folder, or of the folder beside a chosen model.safetensors. */
export async function locateRunFiles(folderOrModel: string): Promise<PytorchRunFiles> {
  const info = await stat(folderOrModel).catch(() => null);
  if (!info)
    throw new RunImportError({
      file: folderOrModel,
      row: '',
      column: '',
      value: '',
      expected: 'an existing folder or model file',
    });
  const folder = info.isDirectory() ? folderOrModel : dirname(folderOrModel);
  const model = info.isDirectory() ? join(folder, 'model.safetensors') : folderOrModel;
  return { model, losses: join(folder, 'losses.csv'), epochs: join(folder, 'epochs.csv') };
}

async function readText(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    throw new RunImportError({
      file,
      row: '',
      column: '',
      value: '',
      expected: `the file ${basename(file)} (train.py writes it beside model.safetensors)`,
    });
  if (info.size > MAX_CSV_BYTES)
    throw new RunImportError({
      file,
      row: '',
      column: '',
      value: `${info.size} bytes`,
      expected: `at most ${MAX_CSV_BYTES} bytes`,
    });
  return readFile(file, 'utf8');
}

/** The run's curves, checked against each other: the epochs end at iterations the loss curve reaches. */
function checkTogether(files: PytorchRunFiles, last: number, epochs: ImportedEpoch[]): void {
  epochs.forEach((e, i) => {
    if (e.iteration > last)
      throw new RunImportError({
        file: files.epochs,
        row: i + 2,
        column: 'iteration',
        value: String(e.iteration),
        expected: `an iteration ≤ ${last}, the last one in ${basename(files.losses)}`,
      });
  });
}

/** The run of `snapshot` with these curves, named `name`. */
export function pytorchRun(
  snapshot: ModelSnapshot,
  losses: [number, number][],
  epochs: ImportedEpoch[],
  name: string,
  createdAt: string,
): UnnumberedRun {
  const curve = new LossCurve();
  losses.forEach(([iteration, loss]) => curve.add(iteration, loss));
  curve.flush();
  const metrics = epochs.map((e) => e.metrics);
  const held = metrics.flatMap((m) => (m.validation?.accuracy == null ? [] : [m.validation.accuracy]));
  const lastLoss = losses[losses.length - 1];
  const config = snapshot.trainingConfig;
  const nonFinite = !Number.isFinite(lastLoss[1]);
  // train.py's own clock: the time in training steps up to the last epoch it wrote (0 where it did not record it).
  const seconds = epochs.at(-1)?.trainSeconds ?? 0;
  const samples = epochs.at(-1)?.samples ?? 0;
  return {
    summary: {
      name,
      status: 'done',
      finishReason: nonFinite ? 'nan' : 'completed',
      failureReason: null,
      nonFinite: null,
      datasetId: '',
      architecture: snapshot.architecture,
      config,
      createdAt,
      durationMs: Math.round(seconds * 1000),
      epoch: Math.max(0, metrics.length - 1),
      iteration: lastLoss[0],
      totalIterations: lastLoss[0],
      learningRate: config.learningRate,
      bestValidationAccuracy: held.length > 0 ? Math.max(...held) : null,
      train: snapshot.metrics.train ?? metrics.at(-1)?.train ?? null,
      validation: snapshot.metrics.validation ?? metrics.at(-1)?.validation ?? null,
      test: snapshot.metrics.test,
      samplesPerSecond: samplesPerSecond(samples, seconds * 1000),
      etaSeconds: null,
      kernels: 'pytorch',
    },
    curves: { loss: curve.all(), iterationsPerPoint: curve.iterationsPerPoint, epochs: metrics },
    snapshot,
  };
}

/** Read and validate the three files; the run is named "PyTorch · <folder>". */
export async function importPytorchRun(files: PytorchRunFiles, createdAt = new Date().toISOString()): Promise<UnnumberedRun> {
  const snapshot = await readModelFile(files.model);
  const losses = parseLosses(basename(files.losses), await readText(files.losses));
  const epochs = parseEpochs(basename(files.epochs), await readText(files.epochs));
  checkTogether(files, losses[losses.length - 1][0], epochs);
  return pytorchRun(snapshot, losses, epochs, `PyTorch · ${basename(dirname(files.model)) || 'run'}`, createdAt);
}
