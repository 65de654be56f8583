/** A typed set of listeners: the small event source the services use to tell the hosts what happened. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Subscribe; returns the function that unsubscribes. */
  on(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of this.set) listener(value);
  }
}
