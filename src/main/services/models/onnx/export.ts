/**
 * Builds an ONNX (opset 13) graph of a snapshot's inference pass: raw float32 features [N, D] → Sub/Div by the stored
 * normalization → the layers → class probabilities (Softmax) or regression outputs [N, C].
 */
import type { ModelSnapshot, NamedTensor } from '../../../../shared/model';
import type { LayerSpec } from '../../../../core/spec';
import { encodeModelProto, type OnnxNode, type OnnxTensor } from './messages';

export const ONNX_OPSET = 13;
/** IR version 7 is the one published with opset 13. */
const IR_VERSION = 7;

interface Builder {
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  tensors: Map<string, NamedTensor>;
}

function constant(b: Builder, name: string, dims: number[], values: ArrayLike<number>): string {
  b.initializers.push({ name, dims, data: Float32Array.from(values) });
  return name;
}

function stored(b: Builder, name: string): string {
  const t = b.tensors.get(name);
  if (!t) throw new Error(`ONNX export: the model has no tensor "${name}"`);
  return constant(b, name, t.shape, t.data);
}

/** Append the nodes of layer `i` reading `x`; returns the name of its output. */
function addLayer(b: Builder, layer: LayerSpec, i: number, x: string, isLast: boolean): string {
  const p = `layers.${i}`;
  const out = isLast ? 'probabilities' : `${p}.out`;
  const node = (opType: string, inputs: string[], attributes?: OnnxNode['attributes']): string => {
    b.nodes.push({ opType, inputs, outputs: [out], name: `${p}.${opType}`, attributes });
    return out;
  };
  switch (layer.type) {
    case 'Affine':
      return node('Gemm', [x, stored(b, `${p}.W`), stored(b, `${p}.b`)]);
    case 'Relu':
    case 'Sigmoid':
    case 'Tanh':
      return node(layer.type, [x]);
    case 'Dropout':
      // Our Dropout scales by (1 − ratio) at inference (the book's convention), so it becomes a Mul, not nothing.
      return layer.ratio === 0 ? node('Identity', [x]) : node('Mul', [x, constant(b, `${p}.keep`, [], [1 - layer.ratio])]);
    case 'BatchNormalization':
      return node(
        'BatchNormalization',
        [x, stored(b, `${p}.gamma`), stored(b, `${p}.beta`), stored(b, `${p}.runningMean`), stored(b, `${p}.runningVar`)],
        [{ name: 'epsilon', kind: 'float', value: layer.epsilon ?? 1e-6 }],
      );
    case 'SoftmaxWithLoss':
      return node('Softmax', [x], [{ name: 'axis', kind: 'int', value: -1 }]);
    case 'IdentityWithLoss':
      return node('Identity', [x]);
    default: {
      const never: never = layer;
      throw new Error(`ONNX export: unknown layer ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Snapshot → ONNX ModelProto bytes. Input "features": float32 [N, D] raw values; output "probabilities": float32 [N, C].
 * Weights of a float64 model are rounded to float32. The snapshot is assumed validated (decodeModel / encodeModel).
 */
export function exportOnnx(snapshot: ModelSnapshot): Uint8Array {
  const { architecture, normalization } = snapshot;
  const d = architecture.inputSize;
  const b: Builder = { nodes: [], initializers: [], tensors: new Map(snapshot.tensors.map((t) => [t.name, t])) };
  b.nodes.push({
    opType: 'Sub',
    inputs: ['features', constant(b, 'normalization.offset', [d], normalization.offset)],
    outputs: ['normalization.centred'],
    name: 'normalization.Sub',
  });
  b.nodes.push({
    opType: 'Div',
    inputs: ['normalization.centred', constant(b, 'normalization.scale', [d], normalization.scale)],
    outputs: ['normalized'],
    name: 'normalization.Div',
  });
  let x = 'normalized';
  let width = d;
  architecture.layers.forEach((layer, i) => {
    x = addLayer(b, layer, i, x, i === architecture.layers.length - 1);
    if (layer.type === 'Affine') width = layer.units;
  });
  return encodeModelProto({
    irVersion: IR_VERSION,
    opsetVersion: ONNX_OPSET,
    producerName: 'backprop-studio',
    producerVersion: '1',
    graph: {
      name: snapshot.datasetName || 'model',
      nodes: b.nodes,
      initializers: b.initializers,
      inputs: [{ name: 'features', dims: ['N', d] }],
      outputs: [{ name: 'probabilities', dims: ['N', width] }],
    },
    metadata: {
      featureNames: JSON.stringify(snapshot.featureNames),
      classNames: JSON.stringify(snapshot.classNames),
      targetNames: JSON.stringify(snapshot.targetNames),
    },
  });
}
