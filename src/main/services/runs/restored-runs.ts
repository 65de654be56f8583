/** The runs of earlier launches (given back by the workspace): listed before this launch's, never active, their ids kept. */
import type { ModelSnapshot } from '../../../shared/model';
import type { RestoredRun, RunCurves, RunSummary } from '../../../shared/runs';

export class RestoredRuns {
  private readonly runs = new Map<string, RestoredRun>();

  has(id: string): boolean {
    return this.runs.has(id);
  }

  /** Add runs (ids must be new); returns the next free run number (one past the highest `run-<n>`, at least `next`). */
  adopt(runs: RestoredRun[], isTaken: (id: string) => boolean, next: number): number {
    for (const run of runs) {
      if (isTaken(run.summary.id) || this.runs.has(run.summary.id))
        throw new Error(`adopt: a run with id "${run.summary.id}" exists already`);
      this.runs.set(run.summary.id, run);
      const n = /^run-(\d+)$/.exec(run.summary.id);
      if (n) next = Math.max(next, Number(n[1]) + 1);
    }
    return next;
  }

  /** Add one run made elsewhere under a fresh id (an experiment cell, an imported PyTorch run). */
  add(run: RestoredRun): void {
    if (this.runs.has(run.summary.id)) throw new Error(`add: a run with id "${run.summary.id}" exists already`);
    this.runs.set(run.summary.id, run);
  }

  /** Point runs trained on dataset `from` at `to` (the same data, imported again in this launch). */
  rebindDataset(from: string, to: string): void {
    for (const run of this.runs.values()) if (run.summary.datasetId === from) run.summary = { ...run.summary, datasetId: to };
  }

  summaries(): RunSummary[] {
    return [...this.runs.values()].map((r) => r.summary);
  }

  curves(id: string): RunCurves | undefined {
    return this.runs.get(id)?.curves;
  }

  /** The run's kept weights; undefined when `id` is not a restored run; throws for one that kept none. */
  snapshot(id: string): ModelSnapshot | undefined {
    const restored = this.runs.get(id);
    if (!restored) return undefined;
    if (restored.snapshot) return restored.snapshot;
    throw new Error(`run "${id}" ended before it had weights (${restored.summary.status}): nothing was kept`);
  }

  /** Throw when `id` is a restored run (it cannot be controlled). */
  refuseControl(id: string): void {
    const restored = this.runs.get(id);
    if (restored) throw new Error(`run "${id}" is from an earlier launch (${restored.summary.status}): it cannot be controlled`);
  }

  /** Hand run `id` over to be resumed under its id in this launch (it is no longer a restored one); throws when there is none. */
  resume(id: string): void {
    if (!this.runs.delete(id)) throw new Error(`no earlier run "${id}" to resume`);
  }

  /** Forget a run; true when it was a restored one. */
  remove(id: string): boolean {
    return this.runs.delete(id);
  }
}
