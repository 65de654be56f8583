/** The UI language (English or Simplified Chinese, following the OS unless chosen) and the typed `t(key, params)`: the one lookup of every UI string. */
import { en, type MessageKey } from './en';
import { zh } from './zh';
import { readFirstPaint } from '../lib/first-paint';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language names as each is written in itself (the switch shows these, whatever the current language). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

const TABLES: Record<Language, Record<MessageKey, string>> = { en, zh };

/** 'zh' for any Chinese locale tag (zh, zh-CN, zh-Hans…), else 'en'. */
export function languageOf(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Replace every `{name}` in `template` with `params[name]`; a missing parameter is an error, never a silent blank. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`message "${template}" needs the parameter {${name}}`);
    return String(params[name]);
  });
}

/** The language the last page showed (kept for the first paint), else the OS's. */
function initialLanguage(): Language {
  const kept = readFirstPaint().language;
  if (kept === 'en' || kept === 'zh') return kept;
  return languageOf(typeof navigator === 'undefined' ? undefined : navigator.language);
}

class Locale {
  language = $state<Language>(initialLanguage());
}

/** The one locale of the window. */
export const locale = new Locale();

/** The current language's text for `key`, with `{name}` parameters filled in. Reactive in templates. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(TABLES[locale.language][key], params);
}

/** Set <html lang> so screen readers and fonts follow the language. */
export function applyLanguage(language: Language): void {
  locale.language = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
