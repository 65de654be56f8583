/** Encodes a ModelSnapshot as safetensors bytes and decodes untrusted bytes back, validating everything first. */
import type { ModelSnapshot } from '../../../shared/model';
import { decodeSafetensors } from './safetensors/decode';
import { encodeSafetensors } from './safetensors/encode';
import { SafetensorsError } from './safetensors/types';
import { ArchitectureError } from '../../../core';
import { ModelFileError, ModelProblem } from './errors';
import { metadataToSnapshotFields, snapshotToMetadata } from './snapshot-metadata';
import { checkTensors } from './tensor-check';

/** Largest model file accepted (2 GiB). */
export const MAX_MODEL_BYTES = 2 * 1024 ** 3;

/** Run `work`, turning the expected problem types into a ModelFileError for `file`; anything else (a bug) propagates. */
function wrap<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    if (err instanceof SafetensorsError || err instanceof ModelProblem || err instanceof ArchitectureError)
      throw new ModelFileError(file, err.message, err instanceof ArchitectureError ? 'bad-architecture' : err.reason);
    throw err;
  }
}

/**
 * Snapshot → safetensors bytes. Validates first, exactly as a load would (metadata schema, names, shapes, finite weights),
 * so whatever is saved can be opened again. Throws ModelFileError naming the field or tensor (and index) at fault.
 */
export function encodeModel(snapshot: ModelSnapshot, file = 'model'): Uint8Array {
  return wrap(file, () => {
    const metadata = snapshotToMetadata(snapshot);
    const fields = metadataToSnapshotFields(metadata);
    const ordered = checkTensors(fields.architecture, fields.precision, fields.trainingConfig.seed, snapshot.tensors);
    const dtype = snapshot.precision === 'float32' ? 'F32' : 'F64';
    return encodeSafetensors(
      ordered.map((t) => ({ name: t.name, dtype, shape: t.shape, data: t.data })),
      metadata,
    );
  });
}

/**
 * Untrusted bytes → a validated snapshot: container structure, metadata schema, format version, tensor names, shapes,
 * dtypes and finiteness. Every failure is a ModelFileError whose message names the place (byte offset, tensor, field path).
 */
export function decodeModel(bytes: Uint8Array, file: string): ModelSnapshot {
  return wrap(file, () => {
    if (bytes.length > MAX_MODEL_BYTES)
      throw new ModelProblem(`file is ${bytes.length} bytes, over the ${MAX_MODEL_BYTES}-byte limit`, 'too-large');
    const container = decodeSafetensors(bytes);
    const fields = metadataToSnapshotFields(container.metadata);
    const tensors = container.tensors.map((t) => ({ name: t.name, shape: t.shape, data: t.data }));
    return { ...fields, tensors: checkTensors(fields.architecture, fields.precision, fields.trainingConfig.seed, tensors) };
  });
}
