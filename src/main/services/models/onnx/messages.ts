/**
 * Encoders for the ONNX messages a feed-forward graph needs, with the field numbers of onnx/onnx.proto:
 * ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, OperatorSetIdProto.
 */
import { ProtoWriter } from './protobuf';

/** TensorProto.DataType.FLOAT. */
export const ONNX_FLOAT = 1;
/** AttributeProto.AttributeType values used here. */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;

export type Attribute = { name: string; kind: 'float' | 'int'; value: number };
export interface OnnxNode {
  opType: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes?: Attribute[];
}
/** A float32 constant (raw little-endian data). */
export interface OnnxTensor {
  name: string;
  dims: number[];
  data: Float32Array;
}
/** A graph input or output: float32 tensor whose dims are numbers or symbolic names. */
export interface OnnxValueInfo {
  name: string;
  dims: (number | string)[];
}
export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}
export interface OnnxModel {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  graph: OnnxGraph;
  metadata: Record<string, string>;
}

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9. */
export function encodeTensor(t: OnnxTensor): Uint8Array {
  const w = new ProtoWriter();
  for (const d of t.dims) w.varint(1, d);
  w.varint(2, ONNX_FLOAT).string(8, t.name);
  const raw = new Uint8Array(t.data.length * 4);
  const view = new DataView(raw.buffer);
  t.data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return w.bytes(9, raw).finish();
}

/** AttributeProto: name = 1, f = 2, i = 3, type = 20. */
export function encodeAttribute(a: Attribute): Uint8Array {
  const w = new ProtoWriter().string(1, a.name);
  if (a.kind === 'float') w.float(2, a.value).varint(20, ATTR_FLOAT);
  else w.varint(3, a.value).varint(20, ATTR_INT);
  return w.finish();
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. */
export function encodeNode(n: OnnxNode): Uint8Array {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name).string(4, n.opType);
  for (const a of n.attributes ?? []) w.bytes(5, encodeAttribute(a));
  return w.finish();
}

/** ValueInfoProto (name = 1, type = 2) → TypeProto (tensor_type = 1) → Tensor (elem_type = 1, shape = 2) → TensorShapeProto (dim = 1) → Dimension (dim_value = 1, dim_param = 2). */
export function encodeValueInfo(v: OnnxValueInfo): Uint8Array {
  const shape = new ProtoWriter();
  for (const d of v.dims)
    shape.bytes(1, typeof d === 'number' ? new ProtoWriter().varint(1, d).finish() : new ProtoWriter().string(2, d).finish());
  const tensorType = new ProtoWriter().varint(1, ONNX_FLOAT).bytes(2, shape.finish()).finish();
  const type = new ProtoWriter().bytes(1, tensorType).finish();
  return new ProtoWriter().string(1, v.name).bytes(2, type).finish();
}

/** GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12. */
export function encodeGraph(g: OnnxGraph): Uint8Array {
  const w = new ProtoWriter();
  for (const n of g.nodes) w.bytes(1, encodeNode(n));
  w.string(2, g.name);
  for (const t of g.initializers) w.bytes(5, encodeTensor(t));
  for (const i of g.inputs) w.bytes(11, encodeValueInfo(i));
  for (const o of g.outputs) w.bytes(12, encodeValueInfo(o));
  return w.finish();
}

/** ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, graph = 7, opset_import = 8 (OperatorSetIdProto: domain = 1, version = 2), metadata_props = 14 (key = 1, value = 2). */
export function encodeModelProto(m: OnnxModel): Uint8Array {
  const w = new ProtoWriter().varint(1, m.irVersion).string(2, m.producerName).string(3, m.producerVersion);
  w.bytes(7, encodeGraph(m.graph));
  w.bytes(8, new ProtoWriter().string(1, '').varint(2, m.opsetVersion).finish());
  for (const [key, value] of Object.entries(m.metadata)) w.bytes(14, new ProtoWriter().string(1, key).string(2, value).finish());
  return w.finish();
}
