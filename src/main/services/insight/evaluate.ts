/** Confusion matrix, per-class precision and recall, and the misclassified samples of a classifier on a dataset. */
import type { Sequential } from '../../../core/index';
import type { Dataset } from '../../../core/datasets/dataset';
import { RowLoader } from './network';
import type { MisclassifiedSample } from '../../../shared/insight';
import type { Evaluation } from '../../../shared/workers/insight';

/** Rows per forward pass when the caller does not size the chunks (see inferenceChunkRows). */
const DEFAULT_CHUNK = 256;

/** precision[c] = M[c][c] / Σ_a M[a][c] (null when c was never predicted); recall[c] = M[c][c] / Σ_p M[c][p] (null when absent). */
export function precisionRecall(matrix: number[][]): { precision: (number | null)[]; recall: (number | null)[] } {
  const classes = matrix.length;
  const precision: (number | null)[] = [];
  const recall: (number | null)[] = [];
  for (let c = 0; c < classes; c++) {
    let predicted = 0;
    let actual = 0;
    for (let k = 0; k < classes; k++) {
      predicted += matrix[k][c];
      actual += matrix[c][k];
    }
    precision.push(predicted === 0 ? null : matrix[c][c] / predicted);
    recall.push(actual === 0 ? null : matrix[c][c] / actual);
  }
  return { precision, recall };
}

/**
 * Predict the first min(maxRows, N) rows of `data` in chunks of `chunkRows` (inference mode: rows are independent, so
 * the chunk size does not change a prediction) and count matrix[actual][predicted]; keep the first `maxMisclassified`
 * wrong rows (with their features when `withPixels`). A NaN prediction counts as wrong.
 */
export function evaluateClassifier(
  network: Sequential,
  data: Dataset,
  maxRows: number,
  maxMisclassified: number,
  withPixels: boolean,
  chunkRows = DEFAULT_CHUNK,
): Evaluation {
  if (data.target.kind !== 'classes')
    throw new Error(`confusion matrix: dataset "${data.name}" is a regression dataset; it needs classes`);
  const classes = data.target.classNames.length;
  const rows = Math.min(maxRows, data.n);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const misclassified: MisclassifiedSample[] = [];
  let correct = 0;
  const loader = new RowLoader(network, data, Math.max(1, Math.min(chunkRows, rows)), 'Evaluation');
  for (let start = 0; start < rows; start += loader.capacity) {
    const count = Math.min(loader.capacity, rows - start);
    const { x } = loader.load(start, count);
    const probs = network.probabilities(x);
    for (let i = 0; i < count; i++) {
      const row = start + i;
      const actual = data.target.y[row];
      let best = 0;
      for (let j = 1; j < classes; j++) if (probs.data[i * classes + j] > probs.data[i * classes + best]) best = j;
      const confidence = probs.data[i * classes + best];
      const predicted = Number.isNaN(confidence) ? -1 : best;
      if (predicted >= 0) matrix[actual][predicted]++;
      if (predicted === actual) {
        correct++;
      } else if (misclassified.length < maxMisclassified) {
        const pixels = withPixels ? data.x.slice(row * data.d, row * data.d + data.d) : null;
        misclassified.push({ row, actual, predicted, confidence, pixels });
      }
    }
  }
  return { rows, matrix, ...precisionRecall(matrix), accuracy: rows === 0 ? 0 : correct / rows, misclassified };
}
