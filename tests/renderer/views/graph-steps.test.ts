import { describe, expect, it } from 'vitest';
import { lastStep, visibility } from '../../../src/renderer/src/views/graph-steps';
import { appleGraph, fruitGraph } from '../../../src/renderer/src/views/shopping';
import { logHistogram } from '../../../src/renderer/src/views/gradcheck-stats';
import { cellColor } from '../../../src/renderer/src/views/boundary-paint';
import { NAN_COLOR, GREY } from '../../../src/renderer/src/views/colors';

describe('graph stepping', () => {
  it('shows forward values left to right, then gradients from the loss back to the input', () => {
    const n = 3;
    expect(visibility(n, 0, 0)).toEqual({ forward: true, backward: false });
    expect(visibility(n, 2, 3).forward).toBe(false);
    expect(visibility(n, n, n)).toEqual({ forward: true, backward: false });
    expect(visibility(n, n + 1, n).backward).toBe(true);
    expect(visibility(n, n + 1, n - 1).backward).toBe(false);
    expect(visibility(n, lastStep(n), 0).backward).toBe(true);
  });
});

describe('shopping graphs', () => {
  it('reproduce the chapter: 2 apples at 100 with tax 1.1 cost 220, dapple 2.2, dcount 110, dtax 200', () => {
    const g = appleGraph(100, 2, 1.1);
    expect(g.total).toBeCloseTo(220, 10);
    const grad = (from: string) => g.edges.find((e) => e.from === from)?.grad;
    expect(grad('apple')).toBeCloseTo(2.2, 10);
    expect(grad('count')).toBeCloseTo(110, 10);
    expect(grad('tax')).toBeCloseTo(200, 10);
  });

  it('reproduce apples and oranges: total 715, dorange 3.3, doranges 165, dtax 650', () => {
    const g = fruitGraph(100, 2, 150, 3, 1.1);
    const grad = (from: string) => g.edges.find((e) => e.from === from)?.grad;
    expect(g.total).toBeCloseTo(715, 10);
    expect(grad('orange')).toBeCloseTo(3.3, 10);
    expect(grad('oc')).toBeCloseTo(165, 10);
    expect(grad('tax')).toBeCloseTo(650, 10);
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
