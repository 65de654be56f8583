/** `inspect --checkpoint FILE`: what a checkpoint holds — the run, its position, settings, optimizer state and RNG positions. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeArchitecture } from '../../core';
import { decodeCheckpoint, type Checkpoint } from '../../main/services/checkpoints/checkpoint-codec';

/** The checkpoint as one JSON-safe object (tensors by name and shape, not their values). */
export function checkpointSummary(c: Checkpoint): Record<string, unknown> {
  const { trainer, earlyStopping } = c.point;
  const tensors = (ts: { name: string; shape: number[] }[]) => ts.map((t) => ({ name: t.name, shape: t.shape }));
  return {
    run: c.runName,
    epoch: trainer.epoch,
    iteration: trainer.iteration,
    batchInEpoch: trainer.batchInEpoch,
    architecture: c.model.architecture,
    parameters: describeArchitecture(c.model.architecture).parameterCount,
    precision: c.model.precision,
    trainingConfig: c.model.trainingConfig,
    dataset: c.model.datasetName,
    trainingRows: trainer.order.length,
    featureNames: c.model.featureNames,
    classNames: c.model.classNames,
    metrics: c.model.metrics,
    weights: tensors(trainer.weights),
    optimizer: trainer.optimizer ? { step: trainer.optimizer.step, tensors: tensors(trainer.optimizer.tensors) } : null,
    shuffleRng: trainer.shuffleRng,
    dropoutRng: trainer.dropoutRng,
    earlyStopping: {
      ...earlyStopping,
      bestValidationLoss: Number.isFinite(earlyStopping.bestValidationLoss) ? earlyStopping.bestValidationLoss : null,
    },
  };
}

/** Print the checkpoint in `file`; 0 when it is valid, 1 (with the problem) when it is not. */
export async function inspectCheckpoint(file: string, json: boolean, out: (line: string) => void): Promise<number> {
  let checkpoint: Checkpoint;
  try {
    checkpoint = decodeCheckpoint(new Uint8Array(await readFile(file)), path.basename(file));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out(json ? JSON.stringify({ ok: false, error: message }) : `error: ${message}`);
    return 1;
  }
  const s = checkpointSummary(checkpoint);
  if (json) {
    out(JSON.stringify({ ok: true, ...s }));
    return 0;
  }
  const c = checkpoint.model.trainingConfig;
  const { trainer } = checkpoint.point;
  out(`checkpoint  ${path.basename(file)} of run ${checkpoint.runName}`);
  out(
    `position    after epoch ${trainer.epoch} (iteration ${trainer.iteration}, batch ${trainer.batchInEpoch} of the next epoch)`,
  );
  out(`network     ${String(s.parameters)} parameters, ${checkpoint.model.precision}, ${trainer.weights.length} tensors`);
  out(
    `settings    ${c.optimizer} lr ${c.learningRate} · batch ${c.batchSize} · ${c.epochs} epochs · seed ${c.seed} · weight decay ${c.weightDecay}`,
  );
  out(
    `data        ${checkpoint.model.datasetName}: ${trainer.order.length} training rows, ${checkpoint.model.featureNames.length} features${checkpoint.model.classNames.length ? `, ${checkpoint.model.classNames.length} classes` : ''}`,
  );
  out(
    `optimizer   ${trainer.optimizer ? `step ${trainer.optimizer.step}, ${trainer.optimizer.tensors.length} state tensors` : 'no state (starts afresh)'}`,
  );
  out(`rng         shuffle ${trainer.shuffleRng.state}${trainer.dropoutRng ? `, dropout ${trainer.dropoutRng.state}` : ''}`);
  const es = checkpoint.point.earlyStopping;
  out(
    `early stop  best validation loss ${Number.isFinite(es.bestValidationLoss) ? es.bestValidationLoss.toPrecision(6) : '—'}, ${es.epochsWithoutImprovement} epochs without improvement`,
  );
  return 0;
}
