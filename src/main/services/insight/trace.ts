/** One sample's forward and backward pass through the network, as the computational-graph view shows it. */
import type { Matrix, Sequential } from '../../../core/index';
import type { Dataset } from '../../../core/datasets/dataset';
import { histogram } from './histogram';
import { loadRows, targetText } from './network';
import type { GraphTrace, TensorView } from '../../../shared/insight';

/** Tensors with at most this many values are shown element by element; larger ones as a summary. */
export const SMALL_TENSOR = 64;

/** A rows×cols view of `data`: its values when small, always its histogram summary. */
export function tensorView(rows: number, cols: number, data: ArrayLike<number>): TensorView {
  const small = rows * cols <= SMALL_TENSOR;
  return { rows, cols, values: small ? Array.from(data) : null, summary: histogram(data, 16) };
}

const viewOf = (m: Matrix): TensorView => tensorView(m.rows, m.cols, m.data);

/**
 * Trace rows row..row+count−1 of `data` (x: count×D; one sample by default) through `network`: every layer's output left
 * to right, then every dx (and dW, db summed over the batch) from the loss back to the input. `network` is used as is
 * (its parameters are not changed).
 */
export function traceSample(
  network: Sequential,
  data: Dataset,
  row: number,
  part: GraphTrace['part'],
  weights: GraphTrace['weights'],
  count = 1,
): GraphTrace {
  const { x, t } = loadRows(
    network,
    data,
    row,
    count,
    count === 1 ? `Trace of row ${row}` : `Trace of rows ${row}..${row + count - 1}`,
  );
  const trace = network.trace(x, t);
  const backward = new Map(trace.backward.map((b) => [b.layer, b]));
  const nodes = trace.forward.map((f) => {
    const b = backward.get(f.layer);
    if (!b) throw new Error(`trace: layer ${f.layer} (${f.name}) has no backward entry`);
    return {
      layer: f.layer,
      name: f.name,
      output: viewOf(f.output),
      dx: viewOf(b.dx),
      grads: b.grads.map((g) => ({
        name: g.name,
        view: tensorView(
          g.shape.length === 1 ? 1 : g.shape[0],
          g.shape.length === 1 ? g.shape[0] : g.value.length / g.shape[0],
          g.value,
        ),
      })),
    };
  });
  const labels = Array.from({ length: Math.min(count, 8) }, (_, k) => targetText(data, row + k));
  return {
    row,
    part,
    label: labels.join(', ') + (count > labels.length ? ', …' : ''),
    loss: trace.loss,
    input: viewOf(x),
    nodes,
    weights,
  };
}
