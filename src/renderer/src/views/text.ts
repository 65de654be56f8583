/** The insight views' string lookup in the window's language (reactive: a language switch re-renders the views). */
import { viewsEn, type ViewsKey } from '../i18n/views.en';
import { viewsZh } from '../i18n/views.zh';
import { format, locale } from '../i18n/i18n.svelte';

/** The string for `key` in the current language, placeholders `{name}` filled from `values`. */
export function vt(key: ViewsKey, values: Record<string, string | number> = {}): string {
  return format(locale.pick({ en: viewsEn, zh: viewsZh })[key], values);
}
