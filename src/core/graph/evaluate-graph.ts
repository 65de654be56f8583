/** Forward and backward passes over a scalar graph: every node's value, every edge's gradient, each node's chain-rule step. */
import { edgesOf, type ScalarEdge, type ScalarGraph } from './scalar-graph';
import { SCALAR_OPS, type OpName, type ScalarOp } from './scalar-ops';
import { GraphError } from './graph-error';

export type OpTable = Record<OpName, ScalarOp>;

/** One node's backward step: upstream × local = downstream, per input. */
export interface BackwardStep {
  node: number;
  /** dL/d(node output): the sum of the gradients on its outgoing edges. */
  upstream: number;
  /** ∂(node output)/∂(input k) = backward(1). */
  local: number[];
  /** The gradient sent to input k = backward(upstream). */
  downstream: number[];
}

export interface GraphEvaluation {
  /** Forward value of every node. */
  values: number[];
  /** dL/d(node value) of every node (a branch sums its outgoing edges). */
  grads: number[];
  /** Every edge with its forward value and its backprop gradient (the output edge's is 1). */
  edges: (ScalarEdge & { value: number; grad: number })[];
  /** The backward steps, from the output towards the leaves (reverse topological order, op nodes only). */
  backward: BackwardStep[];
  output: number;
}

/** The value of input `slot` of node `to`, when the edge (to, slot) is perturbed by `delta` (numeric checks). */
export interface EdgeNudge {
  to: number;
  slot: number;
  delta: number;
}

function inputsOf(values: number[], inputs: number[], id: number, nudge?: EdgeNudge): number[] {
  return inputs.map((from, slot) => values[from] + (nudge && nudge.to === id && nudge.slot === slot ? nudge.delta : 0));
}

/** Forward pass: the value of every node, given a value for every variable. Throws GraphError('missing-value') otherwise. */
export function forwardValues(
  graph: ScalarGraph,
  vars: Record<string, number>,
  ops: OpTable = SCALAR_OPS,
  nudge?: EdgeNudge,
): number[] {
  const values: number[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'var') {
      const v = vars[node.name];
      if (v === undefined)
        throw new GraphError('missing-value', { name: node.name }, `no value given for the variable "${node.name}"`);
      values.push(v);
    } else if (node.kind === 'const') values.push(node.value);
    else values.push(ops[node.op].forward(inputsOf(values, node.inputs, node.id, nudge), node.param));
  }
  return values;
}

/** Forward, then backward from dL/d(output) = 1, node by node in reverse order (each op's own backward). */
export function evaluateGraph(graph: ScalarGraph, vars: Record<string, number>, ops: OpTable = SCALAR_OPS): GraphEvaluation {
  const values = forwardValues(graph, vars, ops);
  const grads = graph.nodes.map(() => 0);
  grads[graph.output] = 1;
  const edgeGrad = new Map<string, number>();
  const backward: BackwardStep[] = [];
  for (let id = graph.nodes.length - 1; id >= 0; id--) {
    const node = graph.nodes[id];
    if (node.kind !== 'op') continue;
    const op = ops[node.op];
    const x = inputsOf(values, node.inputs, id);
    const upstream = grads[id];
    const local = op.backward(1, x, values[id], node.param);
    const downstream = op.backward(upstream, x, values[id], node.param);
    node.inputs.forEach((from, slot) => {
      grads[from] += downstream[slot];
      edgeGrad.set(`${id}:${slot}`, downstream[slot]);
    });
    backward.push({ node: id, upstream, local, downstream });
  }
  const edges = edgesOf(graph).map((e) => ({
    ...e,
    value: values[e.from],
    grad: e.to === -1 ? 1 : (edgeGrad.get(`${e.to}:${e.slot}`) ?? 0),
  }));
  return { values, grads, edges, backward, output: values[graph.output] };
}
