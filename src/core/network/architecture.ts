/** Validation and description of an ArchitectureSpec: sizes between layers, parameter counts, and errors in plain words. */
import { LAYER_TYPES, LOSS_TYPES } from '../spec';
import type { ArchitectureSpec, LayerType } from '../spec';

/** Thrown by createNetwork for a bad spec; the message names the layer index and what was expected. */
export class ArchitectureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchitectureError';
  }
}

export interface LayerDescription {
  index: number;
  type: LayerType;
  inputSize: number;
  outputSize: number;
  parameterCount: number;
}

export interface ArchitectureDescription {
  layers: LayerDescription[];
  parameterCount: number;
  errors: string[];
}

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Errors of one layer's own fields (init, ratio, momentum…), each prefixed with "Layer i (Type)". */
function fieldErrors(layer: Record<string, unknown>, where: string): string[] {
  const errors: string[] = [];
  if (layer.type === 'Affine') {
    if (!isPositiveInt(layer.units)) errors.push(`${where}: units must be a positive integer, got ${String(layer.units)}`);
    const init = layer.init;
    if (init !== undefined) {
      if (!isObject(init) || !['std', 'xavier', 'he'].includes(String(init.kind))) {
        errors.push(`${where}: init must be {kind: 'std', std}, {kind: 'xavier'} or {kind: 'he'}`);
      } else if (init.kind === 'std' && !(typeof init.std === 'number' && Number.isFinite(init.std) && init.std > 0)) {
        errors.push(`${where}: init std must be a positive finite number, got ${String(init.std)}`);
      }
    }
  } else if (layer.type === 'Dropout') {
    if (!(typeof layer.ratio === 'number' && layer.ratio >= 0 && layer.ratio < 1)) {
      errors.push(`${where}: ratio must be a number in [0, 1), got ${String(layer.ratio)}`);
    }
  } else if (layer.type === 'BatchNormalization') {
    const m = layer.momentum;
    if (m !== undefined && !(typeof m === 'number' && m >= 0 && m < 1))
      errors.push(`${where}: momentum must be in [0, 1), got ${String(m)}`);
    const e = layer.epsilon;
    if (e !== undefined && !(typeof e === 'number' && Number.isFinite(e) && e > 0))
      errors.push(`${where}: epsilon must be a positive number, got ${String(e)}`);
  }
  return errors;
}

/**
 * Describe `spec` layer by layer (input size, output size, parameter count) and list every problem in words.
 * Never throws, whatever the JSON holds.
 */
export function describeArchitecture(spec: ArchitectureSpec): ArchitectureDescription {
  const errors: string[] = [];
  const layers: LayerDescription[] = [];
  const raw: unknown = spec;
  if (!isObject(raw))
    return { layers, parameterCount: 0, errors: ['The architecture must be an object with inputSize and layers'] };
  let size = 0;
  if (isPositiveInt(raw.inputSize)) size = raw.inputSize;
  else errors.push(`inputSize must be a positive integer, got ${String(raw.inputSize)}`);
  if (!Array.isArray(raw.layers) || raw.layers.length === 0) {
    errors.push(
      'The architecture needs at least one layer, and its last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)',
    );
    return { layers, parameterCount: 0, errors };
  }
  const list: unknown[] = raw.layers;
  let total = 0;
  list.forEach((entry, index) => {
    const type = isObject(entry) ? entry.type : undefined;
    if (!isObject(entry) || !LAYER_TYPES.includes(type as LayerType)) {
      errors.push(`Layer ${index}: unknown layer type ${JSON.stringify(type)}; expected one of ${LAYER_TYPES.join(', ')}`);
      return;
    }
    const layerType = type as LayerType;
    const where = `Layer ${index} (${layerType})`;
    errors.push(...fieldErrors(entry, where));
    const inputSize = size;
    let outputSize = size;
    let parameterCount = 0;
    if (layerType === 'Affine' && isPositiveInt(entry.units)) {
      outputSize = entry.units;
      parameterCount = inputSize * outputSize + outputSize;
    } else if (layerType === 'BatchNormalization') {
      parameterCount = 2 * inputSize;
    }
    const isLoss = (LOSS_TYPES as readonly string[]).includes(layerType);
    if (isLoss && index !== list.length - 1)
      errors.push(`${where}: a loss layer must be the last layer, but ${list.length - 1 - index} layer(s) follow it`);
    if (!isLoss && index === list.length - 1)
      errors.push(`${where}: the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)`);
    if (layerType === 'SoftmaxWithLoss' && inputSize > 0 && inputSize < 2) {
      errors.push(
        `${where}: needs at least 2 class scores, but the layer before it outputs ${inputSize}; set the last Affine's units to the number of classes`,
      );
    }
    total += parameterCount;
    layers.push({ index, type: layerType, inputSize, outputSize, parameterCount });
    size = outputSize;
  });
  return { layers, parameterCount: total, errors };
}

/** Throw an ArchitectureError listing every problem of `spec`, or return its description. */
export function validateArchitecture(spec: ArchitectureSpec): ArchitectureDescription {
  const description = describeArchitecture(spec);
  if (description.errors.length > 0) throw new ArchitectureError(`Invalid architecture: ${description.errors.join('; ')}`);
  return description;
}
