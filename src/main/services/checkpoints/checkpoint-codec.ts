/**
 * Checkpoint files: a model file (docs/model-format.md: the weights and every model metadata field) plus the
 * `backprop-studio.checkpoint` metadata entry (counters, RNG positions, early stopping) and two kinds of extra tensors,
 * `optimizer.<param>#<slot>` (F64) and `trainer.order` (F64, the epoch's row order). Validated on load like a model.
 */
import { z } from 'zod';
import type { ModelSnapshot } from '../../../shared/model';
import type { ResumePoint } from '../../../shared/workers/engine';
import { ArchitectureError } from '../../../core';
import { decodeSafetensors } from '../models/safetensors/decode';
import { encodeSafetensors } from '../models/safetensors/encode';
import { SafetensorsError, type SafetensorsTensor } from '../models/safetensors/types';
import { ModelFileError, ModelProblem } from '../models/errors';
import { metadataToSnapshotFields, snapshotToMetadata } from '../models/snapshot-metadata';
import { checkTensors } from '../models/tensor-check';
import { parseJsonSafely } from '../models/safe-json';
import { MAX_MODEL_BYTES } from '../models/model-codec';

export const CHECKPOINT_KEY = 'backprop-studio.checkpoint';
export const CHECKPOINT_FORMAT_VERSION = 1;
const OPTIMIZER_PREFIX = 'optimizer.';
const ORDER_TENSOR = 'trainer.order';

/** A checkpoint: the model at that point (weights and what a model file needs), where training continues from, and the run's name. */
export interface Checkpoint {
  model: ModelSnapshot;
  point: ResumePoint;
  runName: string;
}

const uint = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const rngState = z.strictObject({
  state: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  spare: z.number().nullable(),
});

/** The `backprop-studio.checkpoint` entry (JSON). */
export const checkpointMetaSchema = z.strictObject({
  formatVersion: z.literal(CHECKPOINT_FORMAT_VERSION),
  epoch: uint,
  iteration: uint,
  batchInEpoch: uint,
  /** Null when the checkpoint holds no optimizer state. */
  optimizerStep: uint.nullable(),
  shuffleRng: rngState,
  dropoutRng: rngState.nullable(),
  /** bestValidationLoss null = +Infinity (no validated epoch yet). */
  earlyStopping: z.strictObject({ bestValidationLoss: z.number().nullable(), epochsWithoutImprovement: uint }),
  runName: z.string().max(1000),
});

function wrap<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    if (
      err instanceof SafetensorsError ||
      err instanceof ModelProblem ||
      err instanceof ArchitectureError ||
      err instanceof z.ZodError
    ) {
      throw new ModelFileError(
        file,
        err instanceof z.ZodError
          ? `metadata ${CHECKPOINT_KEY}: ${err.issues[0]?.path.join('.')}: ${err.issues[0]?.message}`
          : err.message,
        err instanceof z.ZodError ? 'bad-checkpoint' : err instanceof ArchitectureError ? 'bad-architecture' : err.reason,
      );
    }
    throw err;
  }
}

/** Checkpoint → safetensors bytes (the weights are validated like a model's first). */
export function encodeCheckpoint(checkpoint: Checkpoint, file = 'checkpoint'): Uint8Array {
  return wrap(file, () => {
    const { model, point } = checkpoint;
    const { trainer, earlyStopping } = point;
    const metadata = snapshotToMetadata(model);
    const meta: z.input<typeof checkpointMetaSchema> = {
      formatVersion: CHECKPOINT_FORMAT_VERSION,
      epoch: trainer.epoch,
      iteration: trainer.iteration,
      batchInEpoch: trainer.batchInEpoch,
      optimizerStep: trainer.optimizer?.step ?? null,
      shuffleRng: trainer.shuffleRng,
      dropoutRng: trainer.dropoutRng,
      earlyStopping: {
        bestValidationLoss: Number.isFinite(earlyStopping.bestValidationLoss) ? earlyStopping.bestValidationLoss : null,
        epochsWithoutImprovement: earlyStopping.epochsWithoutImprovement,
      },
      runName: checkpoint.runName,
    };
    const dtype = model.precision === 'float32' ? 'F32' : 'F64';
    const weights = checkTensors(model.architecture, model.precision, model.trainingConfig.seed, trainer.weights);
    const tensors: SafetensorsTensor[] = [
      ...weights.map((t) => ({ name: t.name, dtype, shape: t.shape, data: t.data }) as const),
      ...(trainer.optimizer?.tensors ?? []).map((t) => ({
        name: OPTIMIZER_PREFIX + t.name,
        dtype: 'F64' as const,
        shape: t.shape,
        data: Float64Array.from(t.data),
      })),
      { name: ORDER_TENSOR, dtype: 'F64', shape: [trainer.order.length], data: Float64Array.from(trainer.order) },
    ];
    return encodeSafetensors(tensors, { ...metadata, [CHECKPOINT_KEY]: JSON.stringify(meta) });
  });
}

/** Untrusted bytes → a validated checkpoint; every problem is a ModelFileError naming the place. */
export function decodeCheckpoint(bytes: Uint8Array, file: string): Checkpoint {
  return wrap(file, () => {
    if (bytes.length > MAX_MODEL_BYTES)
      throw new ModelProblem(`file is ${bytes.length} bytes, over the ${MAX_MODEL_BYTES}-byte limit`, 'too-large');
    const container = decodeSafetensors(bytes);
    const { [CHECKPOINT_KEY]: raw, ...modelMeta } = container.metadata;
    if (raw === undefined)
      throw new ModelProblem(
        `not a checkpoint: __metadata__ has no "${CHECKPOINT_KEY}" entry (a model file?)`,
        'not-a-checkpoint',
      );
    const meta = checkpointMetaSchema.parse(parseJsonSafely(raw, `metadata ${CHECKPOINT_KEY}`));
    const fields = metadataToSnapshotFields(modelMeta);
    const order = container.tensors.find((t) => t.name === ORDER_TENSOR);
    if (!order || order.shape.length !== 1 || order.dtype !== 'F64')
      throw new ModelProblem(`tensor "${ORDER_TENSOR}" must be present, F64, one-dimensional`, 'bad-checkpoint');
    const bad = order.data.findIndex((v) => !Number.isInteger(v) || v < 0 || v >= order.data.length);
    if (bad >= 0)
      throw new ModelProblem(
        `tensor "${ORDER_TENSOR}" holds ${order.data[bad]} at index ${bad}: expected a row index below ${order.data.length}`,
        'bad-checkpoint',
      );
    const optimizer = container.tensors.filter((t) => t.name.startsWith(OPTIMIZER_PREFIX));
    const wrongDtype = optimizer.find((t) => t.dtype !== 'F64' || t.data.some((v) => !Number.isFinite(v)));
    if (wrongDtype) throw new ModelProblem(`tensor "${wrongDtype.name}" must be F64 with finite values`, 'bad-checkpoint');
    if (meta.optimizerStep === null && optimizer.length > 0)
      throw new ModelProblem('optimizer tensors without an optimizerStep (null means no optimizer state)', 'bad-checkpoint');
    const weightTensors = container.tensors
      .filter((t) => t !== order && !t.name.startsWith(OPTIMIZER_PREFIX))
      .map((t) => ({ name: t.name, shape: t.shape, data: t.data }));
    const weights = checkTensors(fields.architecture, fields.precision, fields.trainingConfig.seed, weightTensors);
    return {
      model: { ...fields, tensors: weights },
      runName: meta.runName,
      point: {
        trainer: {
          epoch: meta.epoch,
          iteration: meta.iteration,
          batchInEpoch: meta.batchInEpoch,
          weights,
          optimizer:
            meta.optimizerStep === null
              ? null
              : {
                  step: meta.optimizerStep,
                  tensors: optimizer.map((t) => ({ name: t.name.slice(OPTIMIZER_PREFIX.length), shape: t.shape, data: t.data })),
                },
          shuffleRng: meta.shuffleRng,
          dropoutRng: meta.dropoutRng,
          order: Int32Array.from(order.data),
        },
        earlyStopping: {
          bestValidationLoss: meta.earlyStopping.bestValidationLoss ?? Number.POSITIVE_INFINITY,
          epochsWithoutImprovement: meta.earlyStopping.epochsWithoutImprovement,
        },
      },
    };
  });
}
