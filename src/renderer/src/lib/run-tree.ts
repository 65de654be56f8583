/**
 * The runs as a tree for the runs table: each branch under its parent (in the order the runs were started), depth-first,
 * with its level (1 for a root, as aria-level counts) and where it sits among its siblings. A branch whose parent was
 * deleted becomes a root.
 */
import type { RunSummary } from '../../../shared/runs';

export interface RunTreeRow {
  run: RunSummary;
  /** 1 for a root, 2 for its branches, … */
  level: number;
  /** 1-based position among its siblings, and how many siblings there are (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
  /** Branches under this run. */
  children: number;
}

/** `runs` (in start order) → rows in tree order. n runs → n rows; a cycle (never made by the app) is broken at a root. */
export function runTree(runs: readonly RunSummary[]): RunTreeRow[] {
  const ids = new Set(runs.map((r) => r.id));
  const parentOf = (run: RunSummary): string | null => {
    const id = run.parent?.runId ?? null;
    return id !== null && id !== run.id && ids.has(id) ? id : null;
  };
  const childrenOf = new Map<string | null, RunSummary[]>();
  for (const run of runs) {
    const key = parentOf(run);
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), run]);
  }
  const rows: RunTreeRow[] = [];
  const placed = new Set<string>();
  const visit = (siblings: RunSummary[], level: number): void => {
    siblings.forEach((run, i) => {
      if (placed.has(run.id)) return;
      placed.add(run.id);
      const children = childrenOf.get(run.id) ?? [];
      rows.push({ run, level, position: i + 1, siblings: siblings.length, children: children.length });
      visit(children, level + 1);
    });
  };
  visit(childrenOf.get(null) ?? [], 1);
  // Runs only reachable through a cycle: shown as roots rather than lost.
  const rest = runs.filter((r) => !placed.has(r.id));
  if (rest.length > 0) visit(rest, 1);
  return rows;
}
