/** Per-layer diagnostics on a fixed batch: activation, weight and gradient distributions, dead ReLU units, gradient norms. */
import type { Sequential } from '../../../core/index';
import type { Dataset } from '../../../core/datasets/dataset';
import { histogram, l2Norm } from './histogram';
import { loadRows } from './network';
import type { LayerDiagnostics } from '../../../shared/insight';

/** Share of the columns of an N×M output that are 0 in every row (units that never fire on the batch). */
export function deadFraction(rows: number, cols: number, data: ArrayLike<number>): number {
  if (cols === 0) return 0;
  let dead = 0;
  for (let j = 0; j < cols; j++) {
    let alive = false;
    for (let i = 0; i < rows && !alive; i++) if (data[i * cols + j] !== 0) alive = true;
    if (!alive) dead++;
  }
  return dead / cols;
}

/**
 * One forward + backward pass of the first min(rows, N) rows of `data` (training mode), summarised per hidden layer:
 * the output's histogram, the dead share (Relu), and per parameter the value and gradient histograms and ‖grad‖₂.
 */
export function diagnose(network: Sequential, data: Dataset, rows: number): { rows: number; layers: LayerDiagnostics[] } {
  const count = Math.min(rows, data.n);
  const { x, t } = loadRows(network, data, 0, count, 'Diagnostics');
  const trace = network.trace(x, t);
  const grads = new Map(trace.backward.flatMap((b) => b.grads.map((g) => [g.name, g.value] as const)));
  const layers = trace.forward.slice(0, -1).map((f): LayerDiagnostics => {
    const layerParams = network.layers[f.layer].params.map((p) => {
      const grad = grads.get(p.name) ?? new Float64Array(0);
      return { name: p.name, values: histogram(p.value), grads: histogram(grad), gradNorm: l2Norm(grad) };
    });
    return {
      layer: f.layer,
      name: f.name,
      activations: histogram(f.output.data),
      deadFraction: f.name === 'Relu' ? deadFraction(f.output.rows, f.output.cols, f.output.data) : null,
      params: layerParams,
    };
  });
  return { rows: count, layers };
}
