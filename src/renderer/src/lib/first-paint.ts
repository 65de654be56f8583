/**
 * The language and theme of the first paint. The workspace (saved by the host) is where they are kept, but it arrives
 * after the page has drawn once; a copy in this window's localStorage lets a reload draw in the chosen language and
 * theme from the start, so no English chart title or light flash shows before the workspace is applied.
 */

const KEY = 'backprop-studio.first-paint';

/** What the last page showed: the language and theme mode as saved (checked by the caller against its own lists). */
export interface FirstPaint {
  language?: string;
  theme?: string;
}

/** The window's storage, or null where there is none (unit tests in Node, a browser with storage turned off). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a browser that refuses storage throws on access
  }
}

/** The language and theme the last page showed, or {} when none was kept or the copy is not readable. */
export function readFirstPaint(): FirstPaint {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const { language, theme } = value as Record<string, unknown>;
    return {
      ...(typeof language === 'string' ? { language } : {}),
      ...(typeof theme === 'string' ? { theme } : {}),
    };
  } catch {
    return {};
  }
}

/** Keep the language and theme now shown for the next paint (best effort: storage may be full or off). */
export function rememberFirstPaint(paint: Required<FirstPaint>): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(paint));
  } catch {
    // The workspace still restores them, one paint later.
  }
}
