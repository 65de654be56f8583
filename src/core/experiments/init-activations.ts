/**
 * Weight initialisation and activation distributions (book §6.2.2): random inputs pass through `layers` Affine layers
 * (core's Affine, weights from core's init) each followed by a sigmoid or ReLU; one cell per (activation, init) pair
 * records each layer's activation histogram and statistics.
 */
import type { InitSpec } from '../spec';
import type { Layer } from '../layers/layer';
import { Affine } from '../layers/affine';
import { Relu } from '../layers/relu';
import { Sigmoid } from '../layers/sigmoid';
import { fillNormal, initStd } from '../network/init';
import { referenceKernels } from '../kernels/reference';
import { createRng, deriveSeed } from '../rng';
import { matrix } from '../matrix';
import type { CellContext, CellResult, ExperimentDefinition, Series } from './experiment';
import { ExperimentCancelled } from './experiment';
import { activationStats, histogram } from './layer-stats';
import { param } from './params';

interface InitCase {
  label: string;
  activation: 'sigmoid' | 'relu';
  init: InitSpec;
}

export const INIT_CASES: readonly InitCase[] = [
  { label: 'sigmoid, std 1', activation: 'sigmoid', init: { kind: 'std', std: 1 } },
  { label: 'sigmoid, std 0.01', activation: 'sigmoid', init: { kind: 'std', std: 0.01 } },
  { label: 'sigmoid, Xavier', activation: 'sigmoid', init: { kind: 'xavier' } },
  { label: 'ReLU, std 0.01', activation: 'relu', init: { kind: 'std', std: 0.01 } },
  { label: 'ReLU, Xavier', activation: 'relu', init: { kind: 'xavier' } },
  { label: 'ReLU, He', activation: 'relu', init: { kind: 'he' } },
];

/** Cell i: the same N×D standard-normal inputs (drawn from the seed) through the layers of case i, in float64. */
function runCell(index: number, ctx: CellContext): CellResult {
  const { samples, nodes, layers, bins } = ctx.params;
  const c = INIT_CASES[index];
  const kernels = ctx.kernels ?? referenceKernels;
  const inputRng = createRng(ctx.seed);
  const x = new Float64Array(samples * nodes);
  fillNormal(x, 1, inputRng);
  const weightRng = createRng(deriveSeed(ctx.seed, 2));
  let a = matrix(samples, nodes, x);
  const series: Series[] = [];
  const figures: Record<string, number> = {};
  for (let k = 1; k <= layers; k++) {
    if (ctx.hooks?.shouldStop?.()) throw new ExperimentCancelled();
    const affine = new Affine(nodes, nodes, kernels, 'float64', `layers.${k}`);
    fillNormal(affine.W.value, initStd(c.init, nodes), weightRng);
    const activation: Layer =
      c.activation === 'sigmoid' ? new Sigmoid(nodes, kernels, 'float64') : new Relu(nodes, kernels, 'float64');
    a = activation.forward(affine.forward(a), false);
    const stats = activationStats(a.data);
    const h = histogram(a.data, bins, 0, 1);
    series.push({ name: `layer ${k}`, kind: 'histogram', x: h.edges, y: h.counts });
    figures[`layer${k}.mean`] = stats.mean;
    figures[`layer${k}.std`] = stats.std;
    figures[`layer${k}.saturated`] = stats.saturated;
    figures[`layer${k}.nearHalf`] = stats.nearHalf;
    ctx.hooks?.onProgress?.(k, layers, series);
  }
  figures.stdRatio = figures[`layer${layers}.std`] / figures['layer1.std'];
  return { index, label: c.label, series, figures };
}

export const initActivations: ExperimentDefinition = {
  name: 'init-activations',
  needsData: false,
  params: [
    param('samples', 1000, 10, 100_000, true),
    param('nodes', 100, 2, 2000, true),
    param('layers', 5, 1, 20, true),
    param('bins', 30, 5, 200, true),
  ],
  cells: () => INIT_CASES.map((c) => c.label),
  runCell,
  summarize: (params, results) => {
    const summary: Record<string, number> = {};
    for (const r of results) {
      for (let k = 1; k <= params.layers; k++) summary[`${r.label}.layer${k}.std`] = r.figures[`layer${k}.std`];
      summary[`${r.label}.stdRatio`] = r.figures.stdRatio;
    }
    return summary;
  },
};
