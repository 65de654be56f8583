/** Light and dark themes: follows the OS (prefers-color-scheme) until the user picks one; sets <html data-theme>. */
import { readFirstPaint } from './first-paint';

export const THEME_MODES = ['system', 'light', 'dark'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];

const query = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

/** The mode the last page showed (kept for the first paint), else 'system'. */
function initialMode(): ThemeMode {
  const kept = readFirstPaint().theme;
  return THEME_MODES.find((mode) => mode === kept) ?? 'system';
}

class Theme {
  mode = $state<ThemeMode>(initialMode());
  /** What the OS prefers; updated when it changes. */
  systemDark = $state(query()?.matches ?? false);
  readonly resolved = $derived<'light' | 'dark'>(this.mode === 'system' ? (this.systemDark ? 'dark' : 'light') : this.mode);

  /** Start following the OS preference; returns the function that stops it. */
  watchSystem(): () => void {
    const media = query();
    if (!media) return () => {};
    const onChange = (e: MediaQueryListEvent) => (this.systemDark = e.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }
}

/** The one theme of the window. */
export const theme = new Theme();
