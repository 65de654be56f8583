/**
 * Where a kept result came from (captured when it was computed) and whether it still fits what is selected now:
 * results stay on screen across tab switches, language switches and new runs, and say when they are stale.
 */
import type { RunSummary } from '../../../../shared/runs';

/** A result computed from a run's weights (its name and 1-based epoch then) or from the edited model (`model` key). */
export type Provenance =
  { kind: 'run'; runId: string; run: string; epoch: number; iteration: number } | { kind: 'model'; model: string };

/** Why a kept result no longer matches the selection (each has its catalog message `results.<kind>`). */
export type Staleness =
  | { kind: 'otherRun'; run: string; epoch: number }
  | { kind: 'trainedOn'; run: string; epoch: number; now: number }
  | { kind: 'modelChanged' }
  | { kind: 'otherModel'; model: string };

/** What is selected now. */
export interface Selection {
  readonly activeRun: RunSummary | null;
  readonly runs: RunSummary[];
}

/** The provenance of a result of run `runId` at `iteration` (the run's name and epoch looked up in `runs`). */
export function fromRun(runs: RunSummary[], runId: string, iteration?: number): Provenance {
  const run = runs.find((r) => r.id === runId);
  return {
    kind: 'run',
    runId,
    run: run?.name ?? runId,
    epoch: (run?.epoch ?? 0) + 1,
    iteration: iteration ?? run?.iteration ?? 0,
  };
}

/** A stable key of the inputs a model-based result was computed from (architecture, dataset, split…): equal inputs, equal key. */
export function modelKey(inputs: unknown): string {
  return JSON.stringify(inputs);
}

/**
 * Is a kept result stale? A run's result is when another run (or none) is selected, or — unless `follows` (the view
 * refreshes itself while the run trains) — when the run has trained on; a model's result when the model key changed.
 */
export function staleness(from: Provenance, now: Selection, currentModel: string | null, follows = false): Staleness | null {
  if (from.kind === 'model') return currentModel !== null && currentModel !== from.model ? { kind: 'modelChanged' } : null;
  const active = now.activeRun;
  if (!active || active.id !== from.runId) return { kind: 'otherRun', run: from.run, epoch: from.epoch };
  if (!follows && active.iteration > from.iteration) {
    return { kind: 'trainedOn', run: from.run, epoch: from.epoch, now: active.epoch + 1 };
  }
  return null;
}
