/** The in-memory dataset every part of the app trains on: N×D float32 features plus class indices or regression targets. */

/** What is predicted: a class index per row (with its names) or T real targets per row. */
export type Target =
  | { kind: 'classes'; classNames: string[]; /** N class indices in [0, classNames.length) */ y: Int32Array }
  | { kind: 'regression'; names: string[]; /** N×T row-major, T = names.length */ y: Float32Array };

export interface Dataset {
  name: string;
  /** Number of rows (samples). */
  n: number;
  /** Number of features per row. */
  d: number;
  /** N×D row-major; may live on a SharedArrayBuffer so that worker threads read it without a copy. */
  x: Float32Array;
  featureNames: string[];
  target: Target;
  /** Set for image data (e.g. [28, 28]) so that views can draw a row as a picture. */
  imageShape?: [number, number];
}

/**
 * Feature scaling fitted on the training split only and stored with the model, applied as
 * x' = (x − offset[j]) / scale[j] per column j. none: offset 0, scale 1; minmax: offset min, scale max−min
 * (1 where constant); zscore: offset mean, scale std (1 where constant).
 */
export interface Normalization {
  kind: 'none' | 'minmax' | 'zscore';
  offset: number[];
  scale: number[];
}
