/**
 * The menu template and the page's shortcuts agree: in the desktop app the page sees a key press first (its
 * preventDefault keeps the menu's accelerator from firing), so a key the page handles must mean what the menu
 * item with that accelerator means — Ctrl/Cmd+Shift+S is Save As in both hosts.
 */
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/menu';
import type { MenuItemConstructorOptions } from '../../src/main/desktop/electron-api';
import type { MenuCommand } from '../../src/shared/names';
import { shortcutFor, type ShortcutCommand } from '../../src/renderer/src/lib/shortcuts';

/** The menu command each page shortcut stands for (undo/redo belong to the Edit menu's roles). */
const SAME_AS: Partial<Record<ShortcutCommand, MenuCommand>> = {
  open: 'open-dataset',
  save: 'save-model',
  'save-as': 'save-model-as',
  train: 'train',
  stop: 'stop',
};

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

/** The key press of an accelerator such as CmdOrCtrl+Shift+S (Shift upper-cases a letter, as browsers report it). */
function pressOf(accelerator: string, platform: 'darwin' | 'linux') {
  const parts = accelerator.split('+');
  const key = parts.at(-1) ?? '';
  const shiftKey = parts.includes('Shift');
  const cmdOrCtrl = parts.includes('CmdOrCtrl');
  return {
    key: key.length === 1 ? (shiftKey ? key.toUpperCase() : key.toLowerCase()) : key,
    ctrlKey: cmdOrCtrl && platform !== 'darwin',
    metaKey: cmdOrCtrl && platform === 'darwin',
    shiftKey,
    altKey: parts.includes('Alt'),
  };
}

describe.each(['linux', 'darwin'] as const)('menuTemplate on %s', (platform) => {
  const sent: MenuCommand[] = [];
  const all = items(menuTemplate((command) => sent.push(command), platform));

  it('gives every item a role, or a label with a click or a submenu (separators apart)', () => {
    for (const item of all) {
      const valid =
        item.role !== undefined ||
        item.type === 'separator' ||
        (item.label !== undefined && (item.click !== undefined || item.submenu !== undefined));
      expect(valid, JSON.stringify(item)).toBe(true);
    }
  });

  it('quits through the quit role (File → Quit, or the app menu and Cmd+Q on macOS)', () => {
    const roles = all.map((item) => item.role);
    expect(roles).toContain(platform === 'darwin' ? 'appMenu' : 'quit');
  });

  it('has no accelerator twice', () => {
    const accelerators = all.flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('means the same thing as the page for every accelerator the page also handles', () => {
    for (const item of all) {
      if (!item.accelerator || !item.click) continue;
      sent.length = 0;
      (item.click as () => void)();
      const page = shortcutFor(pressOf(item.accelerator, platform));
      if (page !== null) expect(SAME_AS[page], item.accelerator).toBe(sent[0]);
    }
    expect(all.find((item) => item.accelerator === 'CmdOrCtrl+Shift+S')?.label).toBe('Save Model As…');
  });
});
