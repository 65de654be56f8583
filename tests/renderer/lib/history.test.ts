/** Undo/redo of a plain-JSON value. */
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/renderer/src/lib/history.svelte';

describe('History', () => {
  it('undoes and redoes commits in order', () => {
    const h = new History({ n: 1 });
    h.commit({ n: 2 });
    h.update((d) => (d.n = 3));
    h.undo();
    expect(h.current).toEqual({ n: 2 });
    h.undo();
    expect(h.current).toEqual({ n: 1 });
    expect(h.canUndo).toBe(false);
    h.redo();
    h.redo();
    expect(h.current).toEqual({ n: 3 });
    expect(h.canRedo).toBe(false);
  });

  it('forgets the redo stack after a new commit', () => {
    const h = new History({ n: 1 });
    h.commit({ n: 2 });
    h.undo();
    h.commit({ n: 5 });
    expect(h.canRedo).toBe(false);
    h.redo();
    expect(h.current).toEqual({ n: 5 });
  });

  it('does not share objects with what was committed', () => {
    const value = { list: [1] };
    const h = new History({ list: [0] });
    h.commit(value);
    value.list.push(2);
    expect(h.current).toEqual({ list: [1] });
  });

  it('keeps at most `limit` steps', () => {
    const h = new History(0, 3);
    for (let i = 1; i <= 10; i++) h.commit(i);
    let steps = 0;
    while (h.canUndo) {
      h.undo();
      steps++;
    }
    expect(steps).toBe(3);
    expect(h.current).toBe(7);
  });
});
