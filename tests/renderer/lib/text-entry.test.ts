/** Which key presses land in a text field (whose own Ctrl+Z must keep working). */
import { describe, expect, it } from 'vitest';
import { isTextEntry } from '../../../src/renderer/src/lib/text-entry';

describe('isTextEntry', () => {
  it('is true for text inputs and textareas, false for checkboxes and buttons', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect(isTextEntry(text)).toBe(true);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
    expect(isTextEntry(box)).toBe(false);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
