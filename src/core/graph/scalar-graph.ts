/** The scalar computational graph as data: leaves (named variables, constants) and operation nodes, in topological order. */
import type { OpName } from './scalar-ops';

/** A node; its `id` is its index in `ScalarGraph.nodes`, and every input id is smaller (topological order). */
export type ScalarNode =
  | { id: number; kind: 'var'; name: string }
  | { id: number; kind: 'const'; value: number }
  | { id: number; kind: 'op'; op: OpName; inputs: number[]; /** pow's exponent, else 0. */ param: number };

export interface ScalarGraph {
  nodes: ScalarNode[];
  /** The node whose value is the graph's output (its upstream gradient is 1). */
  output: number;
}

/** An edge: the value of node `from` entering input `slot` of node `to`. `to` is −1 for the output edge drawn at the right. */
export interface ScalarEdge {
  from: number;
  to: number;
  slot: number;
}

/** Every edge of the graph, in node order, then the output edge. */
export function edgesOf(graph: ScalarGraph): ScalarEdge[] {
  const edges: ScalarEdge[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'op') node.inputs.forEach((from, slot) => edges.push({ from, to: node.id, slot }));
  }
  edges.push({ from: graph.output, to: -1, slot: 0 });
  return edges;
}

/** The variable names of the graph, in the order they first appear. */
export function variablesOf(graph: ScalarGraph): string[] {
  return graph.nodes.flatMap((n) => (n.kind === 'var' ? [n.name] : []));
}

/** Builds a graph node by node; the same variable name always gives the same node (a branch whose gradients add up). */
export class GraphBuilder {
  readonly nodes: ScalarNode[] = [];
  private readonly vars = new Map<string, number>();

  variable(name: string): number {
    const known = this.vars.get(name);
    if (known !== undefined) return known;
    const id = this.nodes.push({ id: this.nodes.length, kind: 'var', name }) - 1;
    this.vars.set(name, id);
    return id;
  }

  constant(value: number): number {
    return this.nodes.push({ id: this.nodes.length, kind: 'const', value }) - 1;
  }

  op(op: OpName, inputs: number[], param = 0): number {
    return this.nodes.push({ id: this.nodes.length, kind: 'op', op, inputs, param }) - 1;
  }

  build(output: number): ScalarGraph {
    return { nodes: this.nodes.slice(), output };
  }
}
