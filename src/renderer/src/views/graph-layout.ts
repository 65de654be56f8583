/**
 * Lays out a scalar graph like the book's figures: columns by depth (leaves just left of their first consumer), rows by
 * the order the leaves are met walking back from the output, each operation centred on its inputs, the output at the right.
 */
import type { ScalarGraph } from '../../../core/graph/index';

export interface GraphLayout {
  /** Centre of each node, by node id. */
  at: { x: number; y: number }[];
  /** Where the output edge ends (the right edge of the figure). */
  out: { x: number; y: number };
  width: number;
  height: number;
}

export const COLUMN = 150;
export const ROW = 100;
const MARGIN = 50;

/** Column of every node: operations 1 + the deepest input, leaves one column left of their earliest consumer. */
function columnsOf(graph: ScalarGraph): number[] {
  const col = graph.nodes.map(() => 0);
  for (const n of graph.nodes)
    if (n.kind === 'op') col[n.id] = 1 + Math.max(0, ...n.inputs.map((i) => (graph.nodes[i].kind === 'op' ? col[i] : 0)));
  const firstUse = graph.nodes.map(() => Infinity);
  for (const n of graph.nodes) if (n.kind === 'op') for (const i of n.inputs) firstUse[i] = Math.min(firstUse[i], col[n.id]);
  for (const n of graph.nodes) if (n.kind !== 'op') col[n.id] = Number.isFinite(firstUse[n.id]) ? firstUse[n.id] - 1 : 0;
  return col;
}

/** Row of every node (fractional for operations): leaves in the order met from the output, unreached nodes below. */
function rowsOf(graph: ScalarGraph): number[] {
  const row: (number | null)[] = graph.nodes.map(() => null);
  let nextLeaf = 0;
  const visit = (id: number): number => {
    const known = row[id];
    if (known !== null) return known;
    const node = graph.nodes[id];
    const r = node.kind === 'op' ? node.inputs.map(visit).reduce((s, v) => s + v, 0) / node.inputs.length : nextLeaf++;
    row[id] = r;
    return r;
  };
  visit(graph.output);
  for (let id = graph.nodes.length - 1; id >= 0; id--) visit(id);
  return row.map((r) => r ?? 0);
}

/** Positions in pixels; nodes sharing a column keep at least one row apart. */
export function layoutGraph(graph: ScalarGraph): GraphLayout {
  const col = columnsOf(graph);
  const row = rowsOf(graph);
  const columns = new Map<number, number[]>();
  graph.nodes.forEach((n) => columns.set(col[n.id], [...(columns.get(col[n.id]) ?? []), n.id]));
  for (const ids of columns.values()) {
    ids.sort((a, b) => row[a] - row[b] || a - b);
    for (let k = 1; k < ids.length; k++) row[ids[k]] = Math.max(row[ids[k]], row[ids[k - 1]] + 1);
  }
  const at = graph.nodes.map((n) => ({ x: MARGIN + col[n.id] * COLUMN, y: MARGIN + row[n.id] * ROW }));
  const last = at[graph.output] ?? { x: MARGIN, y: MARGIN };
  const out = { x: last.x + COLUMN * 0.9, y: last.y };
  const width = Math.max(out.x, ...at.map((p) => p.x)) + MARGIN;
  const height = Math.max(...at.map((p) => p.y)) + MARGIN + 20;
  return { at, out, width, height };
}
