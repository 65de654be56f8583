/** The float64 networks the insight views look into: a run's latest weights or the seeded initialisation, plus row loading. */
import { checkCompatible, createNetwork, type Matrix, type Sequential } from '../../../core/index';
import type { ArchitectureSpec } from '../../../core/spec';
import type { Dataset } from '../../../core/datasets/dataset';
import type { Labels } from '../../../core/labels';
import { BatchLoader } from '../../../core/training/batch-loader';
import type { NamedTensor } from '../../../shared/model';

/** A float64 network of `architecture` holding `tensors` (a run's snapshot) or, when null, the weights seeded by `seed`. */
export function insightNetwork(architecture: ArchitectureSpec, tensors: NamedTensor[] | null, seed = 0): Sequential {
  const network = createNetwork(architecture, { precision: 'float64', seed });
  if (tensors) network.importState(tensors);
  return network;
}

/** Rows [start, start + count) of `data` as x: count×D (float64) and labels; checks that the data fits the network. */
export function loadRows(
  network: Sequential,
  data: Dataset,
  start: number,
  count: number,
  role: string,
): { x: Matrix; t: Labels } {
  const width = checkCompatible(network, data, role);
  if (!(Number.isInteger(start) && start >= 0 && Number.isInteger(count) && count >= 1 && start + count <= data.n)) {
    throw new Error(`${role}: rows ${start}..${start + count - 1} are outside the ${data.n} rows of dataset "${data.name}"`);
  }
  const loader = new BatchLoader(count, data.d, width, 'float64', network.kernels);
  return loader.load(data, null, start, count);
}

/** The text of row `row`'s target: its class name, or its regression values. */
export function targetText(data: Dataset, row: number): string {
  const target = data.target;
  if (target.kind === 'classes') return target.classNames[target.y[row]] ?? String(target.y[row]);
  const w = target.names.length;
  return Array.from(target.y.subarray(row * w, row * w + w), (v) => v.toPrecision(4)).join(', ');
}
