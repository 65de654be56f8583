/** Keyboard shortcuts: which key press is which command. */
import { describe, expect, it } from 'vitest';
import { shortcutFor, SHORTCUT_COMMANDS, type ShortcutCommand } from '../../../src/renderer/src/lib/shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

/** Every command with the key presses that mean it (Shift upper-cases the letter, as browsers report it). */
const EVERY: Record<ShortcutCommand, ReturnType<typeof press>[]> = {
  train: [press('Enter', { ctrlKey: true }), press('Enter', { metaKey: true })],
  stop: [press('.', { ctrlKey: true })],
  open: [press('o', { ctrlKey: true }), press('O', { metaKey: true })],
  save: [press('s', { ctrlKey: true }), press('s', { metaKey: true })],
  'save-as': [
    press('S', { ctrlKey: true, shiftKey: true }),
    press('S', { metaKey: true, shiftKey: true }),
    press('s', { ctrlKey: true, shiftKey: true }),
  ],
  undo: [press('z', { ctrlKey: true })],
  redo: [press('Z', { ctrlKey: true, shiftKey: true }), press('y', { ctrlKey: true })],
};

describe('shortcutFor, every command', () => {
  it('has a key press for every command it can return', () => {
    expect(Object.keys(EVERY).sort()).toEqual([...SHORTCUT_COMMANDS].sort());
  });

  it.each(Object.entries(EVERY).flatMap(([command, presses]) => presses.map((p) => [command, p] as const)))(
    'gives %s for %o',
    (command, p) => {
      expect(shortcutFor(p)).toBe(command);
    },
  );

  it('Ctrl/Cmd+Shift+S is Save As (the menu accelerator of Save Model As…), not a plain Save', () => {
    expect(shortcutFor(press('S', { ctrlKey: true, shiftKey: true }))).toBe('save-as');
  });
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
