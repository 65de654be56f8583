/** Undo/redo for a plain-JSON value: every commit pushes the previous value; undo and redo walk the stacks. */

const clone = <T>(value: T): T => structuredClone(value);

export class History<T> {
  current = $state<T>() as T;
  private past = $state<T[]>([]);
  private future = $state<T[]>([]);
  readonly canUndo = $derived(this.past.length > 0);
  readonly canRedo = $derived(this.future.length > 0);

  constructor(
    initial: T,
    private readonly limit = 100,
  ) {
    this.current = clone(initial);
  }

  /** Start over from `value` with nothing to undo or redo (a restored workspace). */
  reset(value: T): void {
    this.past = [];
    this.future = [];
    this.current = clone(value);
  }

  /** Replace the value, remembering the previous one for undo (and forgetting what could be redone). */
  commit(next: T): void {
    this.past = [...this.past.slice(-(this.limit - 1)), clone($state.snapshot(this.current) as T)];
    this.future = [];
    this.current = clone(next);
  }

  /** Apply `edit` to a copy of the current value and commit the result. */
  update(edit: (draft: T) => void): void {
    const draft = clone($state.snapshot(this.current) as T);
    edit(draft);
    this.commit(draft);
  }

  undo(): void {
    const previous = this.past.at(-1);
    if (previous === undefined) return;
    this.past = this.past.slice(0, -1);
    this.future = [...this.future, clone($state.snapshot(this.current) as T)];
    this.current = previous;
  }

  redo(): void {
    const next = this.future.at(-1);
    if (next === undefined) return;
    this.future = this.future.slice(0, -1);
    this.past = [...this.past, clone($state.snapshot(this.current) as T)];
    this.current = next;
  }
}
