import { describe, expect, it } from 'vitest';
import { runTree } from '../../../src/renderer/src/lib/run-tree';
import { runSummary } from '../fake-api';

const run = (id: string, parent: string | null = null) =>
  runSummary({ id, name: id, parent: parent === null ? null : { runId: parent, epoch: 2, iteration: 20 } });

const shape = (rows: ReturnType<typeof runTree>) =>
  rows.map((r) => `${r.run.id}@${r.level} ${r.position}/${r.siblings} c${r.children}`);

describe('runTree', () => {
  it('puts each branch under its parent, depth-first in start order, with levels and sibling positions', () => {
    const rows = runTree([run('a'), run('b'), run('a1', 'a'), run('a1x', 'a1'), run('a2', 'a'), run('b1', 'b')]);
    expect(shape(rows)).toEqual(['a@1 1/2 c2', 'a1@2 1/2 c1', 'a1x@3 1/1 c0', 'a2@2 2/2 c0', 'b@1 2/2 c1', 'b1@2 1/1 c0']);
  });

  it('makes a branch whose parent was deleted a root, and runs saved before branching roots too', () => {
    const old = runSummary({ id: 'old', name: 'old' });
    delete old.parent;
    expect(shape(runTree([old, run('orphan', 'gone')]))).toEqual(['old@1 1/2 c0', 'orphan@1 2/2 c0']);
  });

  it('never loses a run, even in a parent cycle the app never makes', () => {
    const rows = runTree([run('x', 'y'), run('y', 'x'), run('self', 'self')]);
    expect(rows.map((r) => r.run.id).sort()).toEqual(['self', 'x', 'y']);
  });
});
