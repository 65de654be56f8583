/** The window's keyboard shortcuts: which command a key press means (Ctrl on Linux/Windows, ⌘ on macOS); no DOM here. */

export const SHORTCUT_COMMANDS = ['train', 'stop', 'open', 'save', 'save-as', 'undo', 'redo'] as const;
export type ShortcutCommand = (typeof SHORTCUT_COMMANDS)[number];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The command of a key press: Ctrl+Enter train, Ctrl+. stop, Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as,
 * Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo; null for anything else (and for Alt combinations, which belong to the OS).
 * The page handles these before the desktop menu does (and its preventDefault keeps the menu's accelerator from
 * firing too), so each must mean what the menu item with the same accelerator means.
 */
export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'Enter') return 'train';
  if (key === '.') return 'stop';
  if (key === 'o' && !press.shiftKey) return 'open';
  if (key === 's') return press.shiftKey ? 'save-as' : 'save';
  if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !press.shiftKey) return 'redo';
  return null;
}
