/** Keyboard shortcuts: which key press is which command. */
import { describe, expect, it } from 'vitest';
import { isTextEntry, shortcutFor } from '../../../src/renderer/src/lib/shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps Ctrl+Enter, Ctrl+., Ctrl+O and Ctrl+S', () => {
    expect(shortcutFor(press('Enter', { ctrlKey: true }))).toBe('train');
    expect(shortcutFor(press('.', { ctrlKey: true }))).toBe('stop');
    expect(shortcutFor(press('o', { ctrlKey: true }))).toBe('open');
    expect(shortcutFor(press('s', { metaKey: true }))).toBe('save');
  });

  it('maps Ctrl+Z to undo and Ctrl+Shift+Z (Z upper-cased by Shift) or Ctrl+Y to redo', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('ignores keys without Ctrl/⌘ and Alt combinations', () => {
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(press('q', { ctrlKey: true }))).toBeNull();
  });
});

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
