/** Architecture presets: the book's TwoLayerNet, a deeper MLP with BatchNormalization and Dropout, and the 2-D default. */
import type { ArchitectureSpec, LayerSpec } from '../../../core/spec';
import type { DatasetSummary } from '../../../shared/datasets';

export const PRESET_NAMES = ['twoLayer', 'deep', 'default2d'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The loss layer that fits the task: SoftmaxWithLoss for classes, IdentityWithLoss for regression. */
export function lossLayer(task: 'classification' | 'regression'): LayerSpec {
  return task === 'regression' ? { type: 'IdentityWithLoss' } : { type: 'SoftmaxWithLoss' };
}

/** The default network for 2-D data: D → Affine 16 → ReLU → Affine 16 → ReLU → Affine C → loss. */
export function defaultArchitecture(
  inputSize: number,
  outputs: number,
  task: 'classification' | 'regression' = 'classification',
): ArchitectureSpec {
  return {
    inputSize,
    layers: [
      { type: 'Affine', units: 16 },
      { type: 'Relu' },
      { type: 'Affine', units: 16 },
      { type: 'Relu' },
      { type: 'Affine', units: outputs },
      lossLayer(task),
    ],
  };
}

/**
 * A preset sized for the data: `inputSize` features in, `outputs` classes (or targets) out.
 * twoLayer is the book's TwoLayerNet (784–50–10 on MNIST); deep stacks Affine–BN–ReLU–Dropout blocks.
 */
export function preset(
  name: PresetName,
  inputSize: number,
  outputs: number,
  task: 'classification' | 'regression' = 'classification',
): ArchitectureSpec {
  switch (name) {
    case 'twoLayer':
      return {
        inputSize,
        layers: [{ type: 'Affine', units: 50 }, { type: 'Relu' }, { type: 'Affine', units: outputs }, lossLayer(task)],
      };
    case 'deep': {
      const block = (units: number): LayerSpec[] => [
        { type: 'Affine', units, init: { kind: 'he' } },
        { type: 'BatchNormalization' },
        { type: 'Relu' },
        { type: 'Dropout', ratio: 0.1 },
      ];
      return {
        inputSize,
        layers: [
          ...block(100),
          ...block(100),
          ...block(50),
          { type: 'Affine', units: outputs, init: { kind: 'he' } },
          lossLayer(task),
        ],
      };
    }
    case 'default2d':
      return defaultArchitecture(inputSize, outputs, task);
    default: {
      const unknown: never = name;
      throw new Error(`unknown preset ${String(unknown)}; expected one of ${PRESET_NAMES.join(', ')}`);
    }
  }
}

/**
 * Make `spec` fit a dataset: the input size becomes `inputSize`, the last Affine before the loss gets `outputs`
 * units and the loss layer matches the task. Returns a new spec; the input is not modified.
 */
export function fitToData(
  spec: ArchitectureSpec,
  inputSize: number,
  outputs: number,
  task: 'classification' | 'regression',
): ArchitectureSpec {
  const layers = spec.layers.map((layer) => ({ ...layer }));
  const last = layers.length - 1;
  if (last >= 0 && (layers[last].type === 'SoftmaxWithLoss' || layers[last].type === 'IdentityWithLoss'))
    layers[last] = lossLayer(task);
  for (let i = last; i >= 0; i--) {
    const layer = layers[i];
    if (layer.type === 'Affine') {
      layers[i] = { ...layer, units: outputs };
      break;
    }
  }
  return { inputSize, layers };
}

/** Outputs of the network for a dataset: its classes, or its regression targets. */
export function outputsOf(dataset: DatasetSummary): number {
  return dataset.task === 'regression' ? Math.max(dataset.targetNames.length, 1) : Math.max(dataset.classNames.length, 2);
}
