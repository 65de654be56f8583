/** The JSON-safe types the model service hands to hosts and the renderer. */
import type { ModelSnapshot } from '../../../shared/model';

/** One predicted row: the class name (or the regression value) and every class probability in class-name order. */
export interface Prediction {
  /** 1-based row number in the input (data rows, header excluded). */
  row: number;
  /** The most probable class name; for regression the predicted value(s) as text. */
  predicted: string;
  /** One per class name, in the stored order; empty for regression. */
  probabilities: number[];
}

/** A model opened from a file or from uploaded bytes, kept by the service under `id`. */
export interface LoadedModel {
  id: string;
  /** The file name (or upload name) it came from. */
  name: string;
  snapshot: ModelSnapshot;
}
