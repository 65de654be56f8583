/**
 * The problems an architecture can have, as data: a stable code, the layer (0-based index in the spec, or null for
 * the whole spec) and the values involved. The UI words each from its catalogs; `issueText` is the English wording
 * used by errors thrown from the library and by the CLI. Both number the layer from 1 (layerNumber), as the editor does.
 */
import { layerNumber } from './layer-number';

export interface ArchitectureIssueParams {
  'not-an-object': Record<string, never>;
  'input-size': { value: string };
  'no-layers': Record<string, never>;
  'unknown-type': { type: string; expected: string };
  units: { value: string };
  'init-kind': Record<string, never>;
  'init-std': { value: string };
  'dropout-ratio': { value: string };
  'bn-momentum': { value: string };
  'bn-epsilon': { value: string };
  'loss-not-last': { following: number };
  'last-not-loss': Record<string, never>;
  'softmax-classes': { inputSize: number };
}

export type ArchitectureIssueCode = keyof ArchitectureIssueParams;

/**
 * One problem: `layer` is the spec's 0-based index (a person reads `layerNumber(layer)`, 1-based) and `type` its
 * layer type (both null for the whole spec).
 */
export type ArchitectureIssue = {
  [C in ArchitectureIssueCode]: { code: C; layer: number | null; type: string | null; params: ArchitectureIssueParams[C] };
}[ArchitectureIssueCode];

/** The English text of one issue's problem, without the layer prefix. */
function problemText(issue: ArchitectureIssue): string {
  switch (issue.code) {
    case 'not-an-object':
      return 'The architecture must be an object with inputSize and layers';
    case 'input-size':
      return `inputSize must be a positive integer, got ${issue.params.value}`;
    case 'no-layers':
      return 'The architecture needs at least one layer, and its last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)';
    case 'unknown-type':
      return `unknown layer type ${issue.params.type}; expected one of ${issue.params.expected}`;
    case 'units':
      return `units must be a positive integer, got ${issue.params.value}`;
    case 'init-kind':
      return "init must be {kind: 'std', std}, {kind: 'xavier'} or {kind: 'he'}";
    case 'init-std':
      return `init std must be a positive finite number, got ${issue.params.value}`;
    case 'dropout-ratio':
      return `ratio must be a number in [0, 1), got ${issue.params.value}`;
    case 'bn-momentum':
      return `momentum must be in [0, 1), got ${issue.params.value}`;
    case 'bn-epsilon':
      return `epsilon must be a positive number, got ${issue.params.value}`;
    case 'loss-not-last':
      return `a loss layer must be the last layer, but ${issue.params.following} layer(s) follow it`;
    case 'last-not-loss':
      return 'the last layer must be a loss layer (SoftmaxWithLoss or IdentityWithLoss)';
    case 'softmax-classes':
      return `needs at least 2 class scores, but the layer before it outputs ${issue.params.inputSize}; set the last Affine's units to the number of classes`;
    default: {
      const never: never = issue;
      return String(never);
    }
  }
}

/** "Layer n (Type): problem", n numbered from 1 as the editor shows it (`layers[5]` is "Layer 6"), or the problem alone. */
export function issueText(issue: ArchitectureIssue): string {
  if (issue.layer === null) return problemText(issue);
  const n = layerNumber(issue.layer);
  const where = issue.type === null ? `Layer ${n}` : `Layer ${n} (${issue.type})`;
  return `${where}: ${problemText(issue)}`;
}
