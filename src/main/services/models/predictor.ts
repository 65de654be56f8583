/** Runs a snapshot's network on raw feature rows: stored normalization, inference-mode forward pass, class names. */
import type { ModelSnapshot } from '../../../shared/model';
import { createNetwork, matrix, type Sequential } from '../../../core';
import { applyNormalization } from '../../../core/datasets/normalize';
import type { Prediction } from '../../../shared/model';

/** Rows per forward pass, so a large CSV never builds one huge batch. */
const CHUNK_ROWS = 1024;

export class Predictor {
  private readonly network: Sequential;

  constructor(readonly snapshot: ModelSnapshot) {
    this.network = createNetwork(snapshot.architecture, { precision: snapshot.precision, seed: snapshot.trainingConfig.seed });
    this.network.importState(snapshot.tensors);
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
    const d = this.snapshot.featureNames.length;
    if (x.length % d !== 0) throw new Error(`features hold ${x.length} values, not a multiple of ${d} features`);
    const normalized = applyNormalization(x, d, this.snapshot.normalization);
    const n = normalized.length / d;
    const out: Prediction[] = [];
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, n - start);
      const slice = normalized.subarray(start * d, (start + rows) * d);
      const data = this.snapshot.precision === 'float32' ? slice : Float64Array.from(slice);
      const p = this.network.probabilities(matrix(rows, d, data));
      for (let i = 0; i < rows; i++)
        out.push(this.describe(Array.from(p.data.subarray(i * p.cols, (i + 1) * p.cols)), firstRow + start + i));
    }
    return out;
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
