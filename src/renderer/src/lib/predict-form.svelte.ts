/**
 * The Predict tab's state, held by the Studio so that it survives tab and language switches: what was typed or pasted,
 * the row to fill from, and the last predictions with the model they came from (kept, with a notice, when the model changes).
 * A failed prediction replaces the kept one: the error (shown by the caller) never sits next to an older result.
 */
import type { Prediction } from '../../../shared/model';
import type { Staleness } from '../views/state/provenance';

/** The model a prediction came from: its id, its name and its classes (the probability columns). */
export interface PredictedBy {
  id: string;
  name: string;
  classNames: string[];
}

export class PredictForm {
  /** One text per feature (or one comma-separated text when there are many features). */
  values = $state<string[]>([]);
  rowText = $state('');
  problem = $state<string | null>(null);
  result = $state<Prediction | null>(null);
  fileResult = $state<{ name: string; predictions: Prediction[]; csv: string } | null>(null);
  /** The model the kept result and file result came from. */
  resultBy = $state.raw<PredictedBy | null>(null);
  fileBy = $state.raw<PredictedBy | null>(null);
  /** The dataset row (1-based) and the pasted CSV row the form can be filled from. */
  rowNumber = $state(1);
  pasted = $state('');
  /** The feature list the form is laid out for (not reactive: only fit() reads it). */
  private layout: string | null = null;

  /** Lay the form out for `features` unless it already is: a remount (tab switch) or the same features keep what was typed. */
  fit(features: string[]): void {
    const key = JSON.stringify(features);
    if (key === this.layout) return;
    this.layout = key;
    this.values = features.map(() => '');
    this.rowText = '';
    this.problem = null;
  }

  /** Whether a prediction by `by` no longer comes from the current model `current`. */
  staleness(by: PredictedBy | null, current: { id: string } | null): Staleness | null {
    return by && current && by.id !== current.id ? { kind: 'otherModel', model: by.name } : null;
  }

  /** Keep the prediction `ask` answers, made by `by`; if it fails, the kept one is dropped and the error rethrown. */
  async keepResult(by: PredictedBy | null, ask: () => Promise<Prediction | undefined>): Promise<void> {
    try {
      this.result = (await ask()) ?? null;
      this.resultBy = by;
    } catch (e) {
      this.clearResult();
      throw e;
    }
  }

  /** Keep the predictions of file `name` that `ask` answers, made by `by`; as keepResult on a failure. */
  async keepFile(
    by: PredictedBy | null,
    name: string,
    ask: () => Promise<{ predictions: Prediction[]; csv: string }>,
  ): Promise<void> {
    try {
      this.fileResult = { name, ...(await ask()) };
      this.fileBy = by;
    } catch (e) {
      this.clearFile();
      throw e;
    }
  }

  clearResult(): void {
    this.result = null;
    this.resultBy = null;
  }

  clearFile(): void {
    this.fileResult = null;
    this.fileBy = null;
  }
}
