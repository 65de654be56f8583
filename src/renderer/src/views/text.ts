/** The insight views' string lookup: the page language (zh* → Chinese, else English), with {name} placeholders. */
import { viewsEn, type ViewsKey } from '../i18n/views.en';
import { viewsZh } from '../i18n/views.zh';

/** The string for `key` in the document's language, placeholders `{name}` replaced from `values`. */
export function vt(key: ViewsKey, values: Record<string, string | number> = {}): string {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  const table = lang.toLowerCase().startsWith('zh') ? viewsZh : viewsEn;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
