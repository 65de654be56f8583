/** Runs a snapshot's network on raw feature rows: stored normalization, inference-mode forward pass, class names. */
import type { ModelSnapshot } from '../../../shared/model';
import { createNetwork, matrix, type FloatArray, type Kernels, type Sequential } from '../../../core';
import { applyNormalization } from '../../../core/datasets/normalize';
import type { Prediction } from '../../../shared/model';
import { inferenceBytes, inferenceChunkRows } from '../../engine/inference-chunk';
import { inferenceKernels } from '../../engine/inference-kernels';

export class Predictor {
  private readonly network: Sequential;
  /** Rows per forward pass (inferenceChunkRows), so a large CSV never builds one huge batch nor holds the thread long. */
  readonly chunkRows: number;
  /** One chunk of normalized rows in the network's precision (chunkRows×D), on its kernels' memory: reused, never staged. */
  private readonly input: FloatArray;

  /** The snapshot's network on this thread's fast kernels, or on `kernels` (e.g. the reference ones) when given. */
  constructor(
    readonly snapshot: ModelSnapshot,
    kernels?: Kernels,
  ) {
    const { architecture, precision } = snapshot;
    this.chunkRows = inferenceChunkRows(architecture, precision);
    this.network = createNetwork(architecture, {
      precision,
      seed: snapshot.trainingConfig.seed,
      kernels: kernels ?? inferenceKernels(inferenceBytes(architecture, precision, this.chunkRows)),
    });
    this.network.importState(snapshot.tensors);
    this.input = this.network.kernels.allocate(precision, this.chunkRows * snapshot.featureNames.length);
  }

  /** The name of the kernels the network computes with (e.g. "wasm-relaxed-simd"). */
  get kernelsName(): string {
    return this.network.kernels.name;
  }

  /**
   * Check raw rows: each must hold one finite number per stored feature.
   * Throws naming the row (1-based) and feature column.
   */
  toFeatures(rows: readonly (readonly number[])[]): Float32Array {
    const names = this.snapshot.featureNames;
    const d = names.length;
    const x = new Float32Array(rows.length * d);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== d) {
        throw new Error(`row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${d} (${names.join(', ')})`);
      }
      row.forEach((v, j) => {
        if (typeof v !== 'number' || !Number.isFinite(v))
          throw new Error(`row ${i + 1}, column "${names[j]}": ${String(v)} is not a finite number`);
        x[i * d + j] = v;
      });
    });
    return x;
  }

  /**
   * Raw features x: N×D (row-major, un-normalized) → N predictions. `firstRow` numbers the rows (default 1).
   * Probabilities are those of the network's own precision, read as JS numbers.
   */
  predictFeatures(x: Float32Array, firstRow = 1): Prediction[] {
    const { normalized, n } = this.normalize(x);
    const out: Prediction[] = [];
    for (let start = 0; start < n; start += this.chunkRows) this.predictChunk(normalized, start, n, firstRow, out);
    return out;
  }

  /**
   * predictFeatures, giving the event loop a turn after every chunk (each a few milliseconds), so a large CSV predicted
   * on the main process never holds it for long. Same predictions, bit for bit.
   */
  async predictFeaturesYielding(x: Float32Array, firstRow = 1): Promise<Prediction[]> {
    const { normalized, n } = this.normalize(x);
    const out: Prediction[] = [];
    for (let start = 0; start < n; start += this.chunkRows) {
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      this.predictChunk(normalized, start, n, firstRow, out);
    }
    return out;
  }

  /** x with the stored normalization applied, and its row count; throws unless x holds whole rows. */
  private normalize(x: Float32Array): { normalized: Float32Array; n: number } {
    const d = this.snapshot.featureNames.length;
    if (x.length % d !== 0) throw new Error(`features hold ${x.length} values, not a multiple of ${d} features`);
    const normalized = applyNormalization(x, d, this.snapshot.normalization);
    return { normalized, n: normalized.length / d };
  }

  /** Predicts rows [start, min(start + chunkRows, n)) of the normalized rows into `out`. */
  private predictChunk(normalized: Float32Array, start: number, n: number, firstRow: number, out: Prediction[]): void {
    const d = this.snapshot.featureNames.length;
    const rows = Math.min(this.chunkRows, n - start);
    const data = rows === this.chunkRows ? this.input : this.input.subarray(0, rows * d);
    data.set(normalized.subarray(start * d, (start + rows) * d));
    const p = this.network.probabilities(matrix(rows, d, data));
    for (let i = 0; i < rows; i++)
      out.push(this.describe(Array.from(p.data.subarray(i * p.cols, (i + 1) * p.cols)), firstRow + start + i));
  }

  /** Raw rows → predictions (validating every value first). */
  predictRows(rows: readonly (readonly number[])[]): Prediction[] {
    return this.predictFeatures(this.toFeatures(rows));
  }

  private describe(values: number[], row: number): Prediction {
    const { classNames } = this.snapshot;
    if (classNames.length === 0) return { row, predicted: values.map((v) => String(v)).join(', '), probabilities: [] };
    let best = 0;
    for (let c = 1; c < values.length; c++) if (values[c] > values[best]) best = c;
    return { row, predicted: classNames[best], probabilities: values };
  }
}
