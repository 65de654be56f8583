/** The architecture flags shared by `train` and `gradcheck`: a spec file (--arch) or an MLP from --hidden/--activation/--init. */
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../core/datasets/dataset';
import type { ActivationType, ArchitectureSpec, InitSpec, LayerSpec } from '../core/spec';
import { layerNumber } from '../core/network/layer-number';
import { architectureSchema, LIMITS } from '../shared/spec';
import { choiceFlag, integerListFlag, numberFlag } from './number-flag';
import { UsageError } from './usage-error';

export const ARCH_FLAG_OPTIONS = {
  arch: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  init: { type: 'string' },
} as const;

export const ARCH_FLAG_HELP = `Architecture (one of):
  --arch spec.json    an ArchitectureSpec {"inputSize", "layers": [...]}
  --hidden 50,20      hidden Affine widths (default 50); the output layer matches the data
  --activation relu|sigmoid|tanh   (default relu)
  --init he|xavier|std:0.01        weight initialisation (default: the core's)`;

type Values = Record<string, string | boolean | undefined>;

const ACTIVATIONS: Record<string, ActivationType> = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh' };

function parseInit(raw: string | boolean | undefined): InitSpec | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'he' || raw === 'xavier') return { kind: raw };
  if (typeof raw === 'string' && raw.startsWith('std:')) {
    return { kind: 'std', std: numberFlag('init', raw.slice(4), { above: 0 }) as number };
  }
  throw new UsageError(`--init: expected he | xavier | std:<number > 0>, got ${JSON.stringify(raw)}`);
}

/** The output width and loss layer that fit the data: softmax over the classes, or identity over the regression targets. */
function outputFor(data: Dataset): { units: number; loss: LayerSpec } {
  const { target } = data;
  return target.kind === 'classes'
    ? { units: target.classNames.length, loss: { type: 'SoftmaxWithLoss' } }
    : { units: target.names.length, loss: { type: 'IdentityWithLoss' } };
}

/** Read and validate a spec file; its inputSize must match the data's feature count. */
async function readArchitecture(path: string, data: Dataset): Promise<ArchitectureSpec> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--arch ${path}: cannot read a JSON architecture (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = architectureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The JSON path stays as in the file (layers.0…); the layer is also named by the number the editor shows.
    const [field, index] = issue.path;
    const layer = field === 'layers' && typeof index === 'number' ? ` (layer ${layerNumber(index)})` : '';
    throw new UsageError(`--arch ${path}: ${issue.path.join('.') || '(root)'}${layer}: ${issue.message}`);
  }
  if (parsed.data.inputSize !== data.d) {
    throw new UsageError(`--arch ${path}: inputSize is ${parsed.data.inputSize} but the data has ${data.d} features`);
  }
  return parsed.data;
}

/** The architecture the flags describe for `data`. */
export async function architectureFromFlags(values: Values, data: Dataset): Promise<ArchitectureSpec> {
  if (typeof values.arch === 'string') {
    for (const flag of ['hidden', 'activation', 'init']) {
      if (values[flag] !== undefined)
        throw new UsageError(`--arch and --${flag} exclude each other: the spec file describes every layer`);
    }
    return readArchitecture(values.arch, data);
  }
  const hidden =
    typeof values.hidden === 'string' ? integerListFlag('hidden', values.hidden, { min: 1, max: LIMITS.units }) : [50];
  if (hidden.length + 1 > LIMITS.layers / 2)
    throw new UsageError(`--hidden: at most ${LIMITS.layers / 2 - 1} hidden layers, got ${hidden.length}`);
  const activation = ACTIVATIONS[choiceFlag('activation', values.activation, ['relu', 'sigmoid', 'tanh'] as const) ?? 'relu'];
  const init = parseInit(values.init);
  const affine = (units: number): LayerSpec => (init ? { type: 'Affine', units, init } : { type: 'Affine', units });
  const output = outputFor(data);
  return {
    inputSize: data.d,
    layers: [...hidden.flatMap((units): LayerSpec[] => [affine(units), { type: activation }]), affine(output.units), output.loss],
  };
}
