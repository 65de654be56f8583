/** The float64 networks the insight views look into: a run's latest weights or the seeded initialisation, plus row loading. */
import { checkCompatible, createNetwork, type Kernels, type Matrix, type Sequential } from '../../../core/index';
import type { ArchitectureSpec } from '../../../core/spec';
import type { Dataset } from '../../../core/datasets/dataset';
import type { Labels } from '../../../core/labels';
import { BatchLoader } from '../../../core/training/batch-loader';
import type { NamedTensor } from '../../../shared/model';
import { inferenceBytes, inferenceChunkRows } from '../../engine/inference-chunk';
import { inferenceKernels } from '../../engine/inference-kernels';

/**
 * A float64 network of `architecture` holding `tensors` (a run's snapshot) or, when null, the weights seeded by `seed`,
 * on the fast kernels of this thread sized for batches of `rows` (default: one inference chunk), or on `kernels`.
 */
export function insightNetwork(
  architecture: ArchitectureSpec,
  tensors: NamedTensor[] | null,
  seed = 0,
  rows = inferenceChunkRows(architecture),
  kernels: Kernels = inferenceKernels(inferenceBytes(architecture, 'float64', rows)),
): Sequential {
  const network = createNetwork(architecture, { precision: 'float64', seed, kernels });
  if (tensors) network.importState(tensors);
  return network;
}

/** Reads rows of a dataset into one reused buffer of `capacity` rows (on the network's kernels), checking the rows first. */
export class RowLoader {
  private readonly loader: BatchLoader;

  constructor(
    private readonly network: Sequential,
    private readonly data: Dataset,
    readonly capacity: number,
    private readonly role: string,
  ) {
    const width = checkCompatible(network, data, role);
    this.loader = new BatchLoader(capacity, data.d, width, 'float64', network.kernels);
  }

  /** Rows [start, start + count) (count ≤ capacity) as x: count×D (float64) and labels. */
  load(start: number, count: number): { x: Matrix; t: Labels } {
    checkRows(this.data, start, count, this.role);
    return this.loader.load(this.data, null, start, count);
  }
}

/** Throws unless [start, start + count) is a non-empty range of rows of `data`. */
function checkRows(data: Dataset, start: number, count: number, role: string): void {
  if (!(Number.isInteger(start) && start >= 0 && Number.isInteger(count) && count >= 1 && start + count <= data.n)) {
    throw new Error(`${role}: rows ${start}..${start + count - 1} are outside the ${data.n} rows of dataset "${data.name}"`);
  }
}

/** Rows [start, start + count) of `data` as x: count×D (float64) and labels; checks that the data fits the network. */
export function loadRows(
  network: Sequential,
  data: Dataset,
  start: number,
  count: number,
  role: string,
): { x: Matrix; t: Labels } {
  checkCompatible(network, data, role);
  checkRows(data, start, count, role);
  return new RowLoader(network, data, count, role).load(start, count);
}

/** The text of row `row`'s target: its class name, or its regression values. */
export function targetText(data: Dataset, row: number): string {
  const target = data.target;
  if (target.kind === 'classes') return target.classNames[target.y[row]] ?? String(target.y[row]);
  const w = target.names.length;
  return Array.from(target.y.subarray(row * w, row * w + w), (v) => v.toPrecision(4)).join(', ');
}
