/** The settings fields whose text is not a valid value right now: Train stays disabled while any is listed, and says why next to the button. */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

/** One invalid field: its label and the sentence that says what it expected (worded when read: it follows the language). */
export interface FieldProblem {
  label: string;
  message: () => string;
}

export class FieldProblems {
  /** Field id → its problem, in the order they appeared. */
  private readonly byField = new SvelteMap<string, FieldProblem>();

  /** Record (or, with null, clear) the problem of field `id`. */
  set(id: string, problem: FieldProblem | null): void {
    if (problem) this.byField.set(id, problem);
    else this.byField.delete(id);
  }

  get list(): FieldProblem[] {
    return [...this.byField.values()];
  }

  get size(): number {
    return this.byField.size;
  }
}

const KEY = Symbol('field-problems');

/** Make the settings fields inside this component report to the registry `problems` returns (the training, dataset and architecture panels do). */
export function provideFieldProblems(problems: () => FieldProblems | undefined): void {
  setContext(KEY, problems);
}

/** The registry the enclosing panel provides, if any (fields elsewhere, e.g. Predict's, block nothing). */
export function fieldProblemsOf(): FieldProblems | undefined {
  return getContext<(() => FieldProblems | undefined) | undefined>(KEY)?.();
}
