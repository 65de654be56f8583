/** The PyTorch export: a small project (model.py, data.py, train.py, README…) that predicts with and trains the same network. */
import type { ModelSnapshot } from '../../../../shared/model';
import { encodeModel } from '../model-codec';
import type { PytorchDataConfig } from './data-config';
import { REQUIREMENTS_TXT, pytorchReadme } from './readme';
import { DATA_PY } from './templates/data-py';
import { LAYERS_PY } from './templates/layers-py';
import { MODEL_FILE_PY } from './templates/model-file-py';
import { MODEL_PY } from './templates/model-py';
import { OPTIM_PY } from './templates/optim-py';
import { RNG_PY } from './templates/rng-py';
import { TRAIN_PY } from './templates/train-py';

/** One file of the project: a name relative to the project folder (no directories) and its bytes. */
export interface ProjectFile {
  name: string;
  bytes: Uint8Array;
}

const PYTHON_SOURCES: readonly (readonly [string, string])[] = [
  ['model.py', MODEL_PY],
  ['layers.py', LAYERS_PY],
  ['optim.py', OPTIM_PY],
  ['data.py', DATA_PY],
  ['train.py', TRAIN_PY],
  ['rng.py', RNG_PY],
  ['model_file.py', MODEL_FILE_PY],
];

const text = (name: string, content: string): ProjectFile => ({ name, bytes: new TextEncoder().encode(content) });

/**
 * Snapshot → the project's files: the Python sources, config.json (the training config and `data` settings that
 * train.py starts from), README.md, requirements.txt and model.safetensors (the weights, validated as a save is).
 * `extra` files (e.g. iris.csv for builtin:iris) are added as they are. Throws ModelFileError for an invalid snapshot.
 */
export function exportPytorch(
  snapshot: ModelSnapshot,
  data: PytorchDataConfig,
  extra: readonly ProjectFile[] = [],
): ProjectFile[] {
  const config = { trainingConfig: snapshot.trainingConfig, data };
  return [
    ...PYTHON_SOURCES.map(([name, source]) => text(name, source.replace(/^\n/, ''))),
    text('config.json', `${JSON.stringify(config, null, 2)}\n`),
    text('README.md', pytorchReadme(snapshot, data)),
    text('requirements.txt', REQUIREMENTS_TXT),
    { name: 'model.safetensors', bytes: encodeModel(snapshot) },
    ...extra,
  ];
}
