/** The app's own message catalogs, so that a page object can find its controls by their accessible names in English or 中文. */
import { en } from '../../src/renderer/src/i18n/en';
import { zh } from '../../src/renderer/src/i18n/zh';

export type Language = 'en' | 'zh';
export type Messages = Record<keyof typeof en, string>;

export const MESSAGES: Record<Language, Messages> = { en, zh };

/** A catalog message with `{name}` parameters filled in (the same rule as the renderer's `format`). */
export function say(messages: Messages, key: keyof Messages, params: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}
