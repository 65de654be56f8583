/** Maps a ModelSnapshot's non-tensor fields to and from the `__metadata__` string map, validating every value. */
import type { z } from 'zod';
import type { ModelSnapshot } from '../../../shared/model';
import { describeArchitecture } from '../../../core';
import { parseJsonSafely, UnsafeJsonError } from './safe-json';
import { ModelProblem } from './errors';
import { FORMAT_KEY, FORMAT_VERSION, METADATA_KEYS, describeIssues, metadataSchemas } from '../../../shared/model-metadata';

/** Everything of a snapshot except its tensors. */
export type SnapshotFields = Omit<ModelSnapshot, 'tensors'>;

/** Serialize the snapshot's fields as the metadata map (JSON strings, the dataset name and version as plain strings). */
export function snapshotToMetadata(s: SnapshotFields): Record<string, string> {
  return {
    [FORMAT_KEY]: FORMAT_VERSION,
    architecture: JSON.stringify(s.architecture),
    precision: JSON.stringify(s.precision),
    normalization: JSON.stringify(s.normalization),
    featureNames: JSON.stringify(s.featureNames),
    classNames: JSON.stringify(s.classNames),
    targetNames: JSON.stringify(s.targetNames),
    trainingConfig: JSON.stringify(s.trainingConfig),
    seed: JSON.stringify(s.trainingConfig.seed),
    metrics: JSON.stringify(s.metrics),
    datasetName: s.datasetName,
  };
}

function parseValue<K extends keyof typeof metadataSchemas>(
  meta: Record<string, string>,
  key: K,
): z.output<(typeof metadataSchemas)[K]> {
  let raw: unknown;
  try {
    raw = parseJsonSafely(meta[key], `metadata ${key}`);
  } catch (err) {
    if (err instanceof UnsafeJsonError) throw new ModelProblem(err.message);
    throw err;
  }
  const result = metadataSchemas[key].safeParse(raw);
  if (!result.success) throw new ModelProblem(describeIssues(key, result.error));
  return result.data as z.output<(typeof metadataSchemas)[K]>;
}

/** Check the cross-field rules: names and normalization one per input feature, one class (or target) name per output. */
function checkConsistency(f: SnapshotFields, seed: number): void {
  const { inputSize, layers } = f.architecture;
  const description = describeArchitecture(f.architecture);
  if (description.errors.length > 0) throw new ModelProblem(`metadata architecture: ${description.errors[0]}`);
  const outputs = description.layers[description.layers.length - 1].inputSize;
  const need = (what: string, got: number, expected: number): void => {
    if (got !== expected) throw new ModelProblem(`metadata ${what} has ${got} entries, expected ${expected}`);
  };
  need('featureNames', f.featureNames.length, inputSize);
  for (const [what, names] of [
    ['featureNames', f.featureNames],
    ['classNames', f.classNames],
    ['targetNames', f.targetNames],
  ] as const) {
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw new ModelProblem(`metadata ${what} repeats the name ${JSON.stringify(repeated)}`);
  }
  need('normalization.offset', f.normalization.offset.length, inputSize);
  need('normalization.scale', f.normalization.scale.length, inputSize);
  if (layers[layers.length - 1].type === 'SoftmaxWithLoss') {
    need('classNames', f.classNames.length, outputs);
    need('targetNames', f.targetNames.length, 0);
  } else {
    need('targetNames', f.targetNames.length, outputs);
    need('classNames', f.classNames.length, 0);
  }
  if (seed !== f.trainingConfig.seed)
    throw new ModelProblem(`metadata seed ${seed} differs from trainingConfig.seed ${f.trainingConfig.seed}`);
}

/**
 * Parse and validate a metadata map (from an untrusted file) into snapshot fields.
 * Throws Error with a field path (`metadata architecture.layers[1].units: …`); the caller wraps it as ModelFileError.
 */
export function metadataToSnapshotFields(meta: Record<string, string>): SnapshotFields {
  const version = meta[FORMAT_KEY];
  if (version === undefined)
    throw new ModelProblem(`not a Backprop Studio model: __metadata__ has no "${FORMAT_KEY}" entry`, 'not-a-model');
  if (version !== FORMAT_VERSION) {
    const newer = /^\d+$/.test(version) && Number(version) > Number(FORMAT_VERSION);
    throw new ModelProblem(
      `format version ${JSON.stringify(version)} is ${newer ? 'newer than' : 'not'} the version this app reads (${FORMAT_VERSION})`,
      'unsupported-version',
    );
  }
  for (const key of Object.keys(meta)) {
    if (!(METADATA_KEYS as readonly string[]).includes(key)) throw new ModelProblem(`unknown __metadata__ entry "${key}"`);
  }
  for (const key of METADATA_KEYS) if (meta[key] === undefined) throw new ModelProblem(`__metadata__ lacks the "${key}" entry`);
  if (meta.datasetName.length > 1000) throw new ModelProblem('metadata datasetName is longer than 1000 characters');
  const fields: SnapshotFields = {
    formatVersion: 1,
    architecture: parseValue(meta, 'architecture'),
    precision: parseValue(meta, 'precision'),
    normalization: parseValue(meta, 'normalization'),
    featureNames: parseValue(meta, 'featureNames'),
    classNames: parseValue(meta, 'classNames'),
    targetNames: parseValue(meta, 'targetNames'),
    trainingConfig: parseValue(meta, 'trainingConfig'),
    metrics: parseValue(meta, 'metrics'),
    datasetName: meta.datasetName,
  };
  checkConsistency(fields, parseValue(meta, 'seed'));
  return fields;
}
