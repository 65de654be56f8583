import { describe, expect, it } from 'vitest';
import {
  affineShape,
  edgeBackward,
  edgeForward,
  netNodes,
  netSteps,
  netVisibility,
} from '../../../src/renderer/src/views/graph-steps';
import type { GraphTrace, TensorView } from '../../../src/shared/insight';
import { logHistogram } from '../../../src/renderer/src/views/gradcheck-stats';
import { cellColor } from '../../../src/renderer/src/views/boundary-paint';
import { NAN_COLOR, GREY } from '../../../src/renderer/src/views/colors';

const tensor = (rows: number, cols: number, fill: number): TensorView => ({
  rows,
  cols,
  values: rows * cols <= 3 ? Array.from({ length: rows * cols }, () => fill) : null,
  summary: { count: rows * cols, min: fill, max: fill, mean: fill, std: 0, counts: [rows * cols], nonFinite: 0 },
});

/** A 784–50–10 network traced on one row: Affine, Relu, Affine, SoftmaxWithLoss. */
const trace: GraphTrace = {
  row: 0,
  part: 'train',
  label: '3',
  loss: 2.3,
  input: tensor(1, 784, 0.5),
  weights: { seed: 1 },
  nodes: [
    {
      layer: 0,
      name: 'Affine',
      output: tensor(1, 50, 0.1),
      dx: tensor(1, 784, 0.01),
      grads: [
        { name: 'layers.0.W', view: tensor(784, 50, 0) },
        { name: 'layers.0.b', view: tensor(1, 50, 0.2) },
      ],
    },
    { layer: 1, name: 'Relu', output: tensor(1, 50, 0.1), dx: tensor(1, 50, 0.02), grads: [] },
    { layer: 2, name: 'Affine', output: tensor(1, 10, 0.3), dx: tensor(1, 50, 0.03), grads: [] },
    { layer: 3, name: 'SoftmaxWithLoss', output: tensor(1, 10, 0.1), dx: tensor(1, 10, 0.04), grads: [] },
  ],
};

describe('the network as a computational graph', () => {
  const nodes = netNodes(trace);
  const steps = netSteps(nodes);

  it('expands each Affine into its X · W and + b nodes, with shapes N×D · D×M + M', () => {
    expect(nodes.map((n) => n.kind)).toEqual(['dot', 'bias', 'layer', 'dot', 'bias', 'loss']);
    expect(affineShape(trace, nodes, 0)).toEqual({ n: 1, d: 784, m: 50 });
    expect(affineShape(trace, nodes, 4)).toEqual({ n: 1, d: 50, m: 10 });
  });

  it('steps forward node by node, then backward from the loss with a Σ-over-axis-0 step after each + b node', () => {
    expect(steps).toHaveLength(1 + 6 + 6 + 2);
    expect(steps.slice(7).map((s) => `${s.phase}${'node' in s ? s.node : ''}`)).toEqual([
      'backward5',
      'backward4',
      'sum4',
      'backward3',
      'backward2',
      'backward1',
      'sum1',
      'backward0',
    ]);
  });

  it('shows forward values left to right and gradients from the loss back, step by step (and back again)', () => {
    expect(netVisibility(nodes, steps, 0)).toMatchObject({ forwardDone: 0, outputGrad: false });
    expect(netVisibility(nodes, steps, 6)).toMatchObject({ forwardDone: 6, outputGrad: true });
    const atSum = netVisibility(nodes, steps, 9);
    expect([...atSum.backwardDone]).toEqual([5, 4]);
    expect([...atSum.sumDone]).toEqual([4]);
    expect(netVisibility(nodes, steps, 8).sumDone.size).toBe(0);
    expect(netVisibility(nodes, steps, 99).backwardDone.size).toBe(6);
  });

  it('labels the edges: the input and X · W by shape, the upstream 1 at the loss, a bias node passing dout through', () => {
    expect(edgeForward(trace, nodes, 0)).toBe('1×784 μ 0.5');
    expect(edgeForward(trace, nodes, 1)).toBe('1×50');
    expect(edgeForward(trace, nodes, 6)).toBe('L = 2.3');
    expect(edgeBackward(trace, nodes, 6)).toBe('1');
    expect(edgeBackward(trace, nodes, 4)).toBe('1×10 μ 0.04');
  });
});

describe('view helpers', () => {
  it('bins errors per decade and counts exact zeros apart', () => {
    expect(logHistogram([0, 2e-9, 5e-9, 3e-7])).toEqual({ lo: -9, counts: [2, 0, 1], zeros: 1 });
  });

  it('paints NaN predictions in the NaN colour and an undecided 2-class cell grey', () => {
    expect(cellColor(-1, NaN, 2)).toEqual(NAN_COLOR);
    expect(cellColor(1, 0.5, 2)).toEqual(GREY);
  });
});
