/** Validation and description of an ArchitectureSpec: sizes between layers, parameter counts, and its problems (architecture-issues.ts). */
import { LAYER_TYPES, LOSS_TYPES } from '../spec';
import type { ArchitectureSpec, LayerType } from '../spec';
import {
  issueText,
  type ArchitectureIssue,
  type ArchitectureIssueCode,
  type ArchitectureIssueParams,
} from './architecture-issues';

/**
 * Thrown by createNetwork for a bad spec; the message names the layer by its number as the editor shows it
 * (1-based: "Layer 6 (SoftmaxWithLoss)" is the editor's row 6, `layers[5]`; see layer-number.ts) and what was expected.
 */
export class ArchitectureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchitectureError';
  }
}

export interface LayerDescription {
  /** 0-based position in `spec.layers` (a person reads `layerNumber(index)`). */
  index: number;
  type: LayerType;
  inputSize: number;
  outputSize: number;
  parameterCount: number;
}

export interface ArchitectureDescription {
  layers: LayerDescription[];
  parameterCount: number;
  /** Every problem as data (the UI words these from its catalogs). */
  issues: ArchitectureIssue[];
  /** The same problems in English (thrown errors, the CLI), each naming its layer by number ("Layer 1 (Affine): …"). */
  errors: string[];
}

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

type Problem = { [C in ArchitectureIssueCode]: { code: C; params: ArchitectureIssueParams[C] } }[ArchitectureIssueCode];

/** Problems of one layer's own fields (units, init, ratio, momentum…). */
function fieldProblems(layer: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (layer.type === 'Affine') {
    if (!isPositiveInt(layer.units)) problems.push({ code: 'units', params: { value: String(layer.units) } });
    const init = layer.init;
    if (init !== undefined) {
      if (!isObject(init) || !['std', 'xavier', 'he'].includes(String(init.kind))) {
        problems.push({ code: 'init-kind', params: {} });
      } else if (init.kind === 'std' && !(typeof init.std === 'number' && Number.isFinite(init.std) && init.std > 0)) {
        problems.push({ code: 'init-std', params: { value: String(init.std) } });
      }
    }
  } else if (layer.type === 'Dropout') {
    if (!(typeof layer.ratio === 'number' && layer.ratio >= 0 && layer.ratio < 1))
      problems.push({ code: 'dropout-ratio', params: { value: String(layer.ratio) } });
  } else if (layer.type === 'BatchNormalization') {
    const m = layer.momentum;
    if (m !== undefined && !(typeof m === 'number' && m >= 0 && m < 1))
      problems.push({ code: 'bn-momentum', params: { value: String(m) } });
    const e = layer.epsilon;
    if (e !== undefined && !(typeof e === 'number' && Number.isFinite(e) && e > 0))
      problems.push({ code: 'bn-epsilon', params: { value: String(e) } });
  }
  return problems;
}

/**
 * Describe `spec` layer by layer (input size, output size, parameter count) and list every problem, as data
 * (`issues`) and in English words (`errors`). Never throws, whatever the JSON holds.
 */
export function describeArchitecture(spec: ArchitectureSpec): ArchitectureDescription {
  const issues: ArchitectureIssue[] = [];
  const layers: LayerDescription[] = [];
  const done = (parameterCount: number): ArchitectureDescription => ({
    layers,
    parameterCount,
    issues,
    errors: issues.map(issueText),
  });
  const raw: unknown = spec;
  if (!isObject(raw)) {
    issues.push({ code: 'not-an-object', layer: null, type: null, params: {} });
    return done(0);
  }
  let size = 0;
  if (isPositiveInt(raw.inputSize)) size = raw.inputSize;
  else issues.push({ code: 'input-size', layer: null, type: null, params: { value: String(raw.inputSize) } });
  if (!Array.isArray(raw.layers) || raw.layers.length === 0) {
    issues.push({ code: 'no-layers', layer: null, type: null, params: {} });
    return done(0);
  }
  const list: unknown[] = raw.layers;
  let total = 0;
  list.forEach((entry, index) => {
    const type = isObject(entry) ? entry.type : undefined;
    if (!isObject(entry) || !LAYER_TYPES.includes(type as LayerType)) {
      const params = { type: JSON.stringify(type) ?? 'undefined', expected: LAYER_TYPES.join(', ') };
      issues.push({ code: 'unknown-type', layer: index, type: null, params });
      return;
    }
    const layerType = type as LayerType;
    const at = (problem: Problem) => issues.push({ ...problem, layer: index, type: layerType } as ArchitectureIssue);
    fieldProblems(entry).forEach(at);
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
    if (isLoss && index !== list.length - 1) at({ code: 'loss-not-last', params: { following: list.length - 1 - index } });
    if (!isLoss && index === list.length - 1) at({ code: 'last-not-loss', params: {} });
    if (layerType === 'SoftmaxWithLoss' && inputSize > 0 && inputSize < 2) at({ code: 'softmax-classes', params: { inputSize } });
    total += parameterCount;
    layers.push({ index, type: layerType, inputSize, outputSize, parameterCount });
    size = outputSize;
  });
  return done(total);
}

/** Throw an ArchitectureError listing every problem of `spec`, or return its description. */
export function validateArchitecture(spec: ArchitectureSpec): ArchitectureDescription {
  const description = describeArchitecture(spec);
  if (description.errors.length > 0) throw new ArchitectureError(`Invalid architecture: ${description.errors.join('; ')}`);
  return description;
}
