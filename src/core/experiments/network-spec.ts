/** The networks of the book's chapter-6 experiments: ReLU MLPs with an optional BatchNormalization and Dropout per hidden layer. */
import type { ArchitectureSpec, InitSpec, LayerSpec } from '../spec';

export interface MlpOptions {
  /** Init of every Affine (default: core's choice, He before ReLU). */
  init?: InitSpec;
  /** Affine → BatchNormalization → Relu, as the book's MultiLayerNetExtend. */
  batchNorm?: boolean;
  /** Dropout ratio after each Relu (0 or absent: none). */
  dropout?: number;
}

/** inputSize → `hidden` × (Affine(units) [→ BN] → Relu [→ Dropout]) → Affine(classes) → SoftmaxWithLoss. */
export function mlpSpec(
  inputSize: number,
  hidden: number,
  units: number,
  classes: number,
  options: MlpOptions = {},
): ArchitectureSpec {
  const affine = (n: number): LayerSpec =>
    options.init ? { type: 'Affine', units: n, init: options.init } : { type: 'Affine', units: n };
  const layers: LayerSpec[] = [];
  for (let i = 0; i < hidden; i++) {
    layers.push(affine(units));
    if (options.batchNorm) layers.push({ type: 'BatchNormalization' });
    layers.push({ type: 'Relu' });
    if (options.dropout) layers.push({ type: 'Dropout', ratio: options.dropout });
  }
  layers.push(affine(classes), { type: 'SoftmaxWithLoss' });
  return { inputSize, layers };
}
