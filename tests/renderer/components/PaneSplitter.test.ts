/** The window splitter: a focusable separator with its size in aria-valuenow, resized and collapsed from the keyboard. */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import PaneSplitter from '../../../src/renderer/src/components/PaneSplitter.svelte';
import { LEFT_BOUNDS, RUNS_BOUNDS } from '../../../src/renderer/src/lib/pane-layout.svelte';

function setup(orientation: 'vertical' | 'horizontal', collapsed = false) {
  const calls: string[] = [];
  const bounds = orientation === 'vertical' ? LEFT_BOUNDS : RUNS_BOUNDS;
  render(PaneSplitter, {
    orientation,
    grows: orientation === 'vertical' ? 'before' : 'after',
    size: 300,
    bounds,
    collapsed,
    controls: 'pane',
    label: 'Resize the pane',
    toggleLabels: { collapse: 'Hide the pane', expand: 'Show the pane' },
    testId: 'splitter',
    onresize: (size: number) => calls.push(`resize ${size}`),
    ontoggle: () => calls.push('toggle'),
    oncommit: () => calls.push('commit'),
  });
  return { calls, separator: screen.getByRole('separator', { name: 'Resize the pane' }) };
}

describe('PaneSplitter', () => {
  it('is a focusable separator that says its size and the pane it controls', () => {
    const { separator } = setup('vertical');
    expect(separator.tabIndex).toBe(0);
    expect(separator.getAttribute('aria-valuenow')).toBe('300');
    expect(separator.getAttribute('aria-valuemax')).toBe(String(LEFT_BOUNDS.max));
    expect(separator.getAttribute('aria-controls')).toBe('pane');
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
  });

  it('grows a left pane with ArrowRight, a lower pane with ArrowUp; Shift takes bigger steps; Home and End go to the bounds', async () => {
    const left = setup('vertical');
    await fireEvent.keyDown(left.separator, { key: 'ArrowRight' });
    await fireEvent.keyDown(left.separator, { key: 'ArrowLeft', shiftKey: true });
    await fireEvent.keyDown(left.separator, { key: 'Home' });
    expect(left.calls).toEqual(['resize 316', 'commit', 'resize 236', 'commit', `resize ${LEFT_BOUNDS.min}`, 'commit']);
    document.body.innerHTML = '';
    const runs = setup('horizontal');
    await fireEvent.keyDown(runs.separator, { key: 'ArrowUp' });
    await fireEvent.keyDown(runs.separator, { key: 'ArrowDown' });
    await fireEvent.keyDown(runs.separator, { key: 'End' });
    expect(runs.calls).toEqual(['resize 316', 'commit', 'resize 284', 'commit', `resize ${RUNS_BOUNDS.max}`, 'commit']);
  });

  it('collapses with Enter or its button, and a collapsed pane reads 0 and opens again on an arrow key', async () => {
    const { calls, separator } = setup('vertical', true);
    expect(separator.getAttribute('aria-valuenow')).toBe('0');
    const button = screen.getByRole('button', { name: 'Show the pane' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(separator, { key: 'Enter' });
    await fireEvent.click(button);
    await fireEvent.keyDown(separator, { key: 'ArrowRight' });
    expect(calls).toEqual(['toggle', 'commit', 'toggle', 'commit', 'resize 316', 'toggle', 'commit']);
  });
});
