/** Checks that a Dataset fits a network: feature count, target kind and number of classes or targets. */
import type { Dataset } from '../datasets/dataset';
import type { Sequential } from '../network/sequential';

/** Width of the scores the network produces (the loss layer's input size). */
export function outputSize(network: Sequential): number {
  let size = network.spec.inputSize;
  for (const l of network.spec.layers) if (l.type === 'Affine') size = l.units;
  return size;
}

/** Throw a clear message unless `data` can be fed to `network`; returns the target width (1 for classes). */
export function checkCompatible(network: Sequential, data: Dataset, role: string): number {
  const where = `${role} dataset "${data.name}"`;
  if (!(Number.isInteger(data.n) && data.n > 0)) throw new Error(`${where} has no rows`);
  if (data.d !== network.spec.inputSize)
    throw new Error(`${where} has ${data.d} features but the network's inputSize is ${network.spec.inputSize}`);
  if (data.x.length !== data.n * data.d)
    throw new Error(`${where}: x has ${data.x.length} values, expected n·d = ${data.n * data.d}`);
  const loss = network.spec.layers[network.spec.layers.length - 1].type;
  const width = outputSize(network);
  if (data.target.kind === 'classes') {
    if (loss !== 'SoftmaxWithLoss')
      throw new Error(`${where} has class labels but the network ends with ${loss}; use SoftmaxWithLoss`);
    if (data.target.classNames.length !== width) {
      throw new Error(
        `${where} has ${data.target.classNames.length} classes but the network outputs ${width} scores; set the last Affine's units to ${data.target.classNames.length}`,
      );
    }
    if (data.target.y.length !== data.n) throw new Error(`${where}: ${data.target.y.length} labels for ${data.n} rows`);
    return 1;
  }
  if (loss !== 'IdentityWithLoss')
    throw new Error(`${where} has regression targets but the network ends with ${loss}; use IdentityWithLoss`);
  const t = data.target.names.length;
  if (t !== width)
    throw new Error(`${where} has ${t} targets but the network outputs ${width}; set the last Affine's units to ${t}`);
  if (data.target.y.length !== data.n * t)
    throw new Error(`${where}: y has ${data.target.y.length} values, expected n·T = ${data.n * t}`);
  return t;
}
