/**
 * The network as a computational graph: each Affine expanded into its X·W and +b nodes, activations, the loss; and the
 * walk through it — forward node by node, then backward from the loss, with the bias-gradient sum over the batch as its own step.
 */
import type { GraphTrace, TensorView } from '../../../shared/insight';
import { num, short } from './format';

/** A drawn node: `layer` is the index of the traced layer it belongs to. */
export interface NetNode {
  kind: 'dot' | 'bias' | 'layer' | 'loss';
  layer: number;
  name: string;
}

export type NetStep =
  { phase: 'start' } | { phase: 'forward'; node: number } | { phase: 'backward'; node: number } | { phase: 'sum'; node: number };

/** The drawn nodes of a trace, left to right. */
export function netNodes(trace: GraphTrace): NetNode[] {
  const last = trace.nodes.length - 1;
  return trace.nodes.flatMap((n, k): NetNode[] => {
    if (n.name === 'Affine')
      return [
        { kind: 'dot', layer: k, name: 'X · W' },
        { kind: 'bias', layer: k, name: '+ b' },
      ];
    return [{ kind: k === last ? 'loss' : 'layer', layer: k, name: n.name }];
  });
}

/** Start; one forward step per node; then backward from the loss, a bias node followed by its Σ-over-axis-0 step. */
export function netSteps(nodes: NetNode[]): NetStep[] {
  const steps: NetStep[] = [{ phase: 'start' }];
  nodes.forEach((_, i) => steps.push({ phase: 'forward', node: i }));
  for (let i = nodes.length - 1; i >= 0; i--) {
    steps.push({ phase: 'backward', node: i });
    if (nodes[i].kind === 'bias') steps.push({ phase: 'sum', node: i });
  }
  return steps;
}

/** What step `step` shows: forward values of nodes < `forwardDone`, gradients into nodes whose backward ran, the Σ steps done. */
export function netVisibility(
  nodes: NetNode[],
  steps: NetStep[],
  step: number,
): { forwardDone: number; backwardDone: Set<number>; sumDone: Set<number>; outputGrad: boolean } {
  const upTo = Math.max(0, Math.min(step, steps.length - 1));
  const backwardDone = new Set<number>();
  const sumDone = new Set<number>();
  let forwardDone = 0;
  for (const s of steps.slice(1, upTo + 1)) {
    if (s.phase === 'forward') forwardDone = s.node + 1;
    else if (s.phase === 'backward') backwardDone.add(s.node);
    else if (s.phase === 'sum') sumDone.add(s.node);
  }
  return { forwardDone, backwardDone, sumDone, outputGrad: forwardDone === nodes.length };
}

const shape = (v: TensorView): string => `${v.rows}×${v.cols}`;

/** A one-line description of a tensor: its few values, or its shape and mean (the cards below show the rest). */
export function brief(view: TensorView): string {
  if (view.values && view.values.length <= 3) return view.values.map(num).join(', ');
  return `${shape(view)} μ ${short(view.summary.mean)}`;
}

/** The value on the edge entering drawn node `i` (i = nodes.length: the loss edge): X for a dot node, X·W's shape for a bias node. */
export function edgeForward(trace: GraphTrace, nodes: NetNode[], i: number): string {
  if (i === nodes.length) return `L = ${num(trace.loss)}`;
  const node = nodes[i];
  if (node.kind === 'bias') {
    const out = trace.nodes[node.layer].output;
    return shape(out);
  }
  const before = nodes[i - 1];
  return brief(before ? trace.nodes[before.layer].output : trace.input);
}

/** The gradient on the edge entering drawn node `i`: that layer's dx, or for a bias node the dout that passes through it unchanged. */
export function edgeBackward(trace: GraphTrace, nodes: NetNode[], i: number): string {
  if (i === nodes.length) return '1';
  const node = nodes[i];
  if (node.kind === 'bias') {
    const next = trace.nodes[node.layer + 1];
    return next ? brief(next.dx) : '';
  }
  return brief(trace.nodes[node.layer].dx);
}

/** The shapes of an Affine layer: N rows, D inputs, M units (from its input and output). */
export function affineShape(trace: GraphTrace, nodes: NetNode[], i: number): { n: number; d: number; m: number } {
  const node = nodes[i];
  const out = trace.nodes[node.layer].output;
  const first = nodes.findIndex((x) => x.layer === node.layer);
  const before = nodes[first - 1];
  const input = before ? trace.nodes[before.layer].output : trace.input;
  return { n: out.rows, d: input.cols, m: out.cols };
}
