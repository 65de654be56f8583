/** The message catalogs and t(), the one lookup: one key style, every English key has a Chinese text with the same parameters (an English detail may be left out). */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';
import { viewsEn } from '../../../src/renderer/src/i18n/views.en';
import { viewsZh } from '../../../src/renderer/src/i18n/views.zh';
import { applyLanguage, format, languageOf, locale, t } from '../../../src/renderer/src/i18n/i18n.svelte';

const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it('zh has every key of en and no other', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  /**
   * Parameters that carry English text from outside the app (the operating system's error, a parser's detail): the
   * English message shows them, the 中文 one may leave them out rather than put English into a Chinese sentence.
   */
  const ENGLISH_DETAILS = new Set(['detail', 'problem']);

  it('every zh text uses exactly the parameters of its en text (it may leave out an English detail)', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const expected = params(en[key]);
      const got = params(zh[key]);
      const omitted = expected.filter((p) => !got.includes(p) && ENGLISH_DETAILS.has(p));
      expect(got, key).toEqual(expected.filter((p) => !omitted.includes(p)));
    }
  });

  it('uses one key style: dotted lower-camel segments, area first (app.title, views.noRun); a later segment may be a stable kebab-case id (errors.run-memory, experiments.name.optimizer-paths, errors.dataset-import.cannot-open)', () => {
    const segment = '([a-z][a-zA-Z0-9]*|[a-z][a-z0-9]*(-[a-z0-9]+)+)';
    const style = new RegExp(`^[a-z][a-zA-Z0-9]*(\\.${segment})+$`);
    const bad = Object.keys(en).filter((key) => !style.test(key));
    expect(bad).toEqual([]);
  });

  it('spreads the views.* part into the one catalog without overriding a key, in both languages', () => {
    const viewKeys = Object.keys(viewsEn);
    expect(viewKeys.length).toBeGreaterThan(50);
    expect(viewKeys.every((key) => key.startsWith('views.'))).toBe(true);
    expect(
      Object.keys(en)
        .filter((key) => key.startsWith('views.'))
        .sort(),
    ).toEqual(viewKeys.sort());
    for (const key of viewKeys as (keyof typeof viewsEn)[]) {
      expect(en[key], key).toBe(viewsEn[key]);
      expect(zh[key], key).toBe(viewsZh[key]);
    }
  });

  it('no zh text is empty', () => {
    for (const [key, text] of Object.entries(zh)) expect(text.trim(), key).not.toBe('');
  });
});

describe('t and format', () => {
  it('fills {name} parameters', () => {
    expect(format('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
  });

  it('throws naming the parameter when one is missing', () => {
    expect(() => format('epoch {epoch}', {})).toThrow(/\{epoch\}/);
  });

  it('follows the chosen language', () => {
    applyLanguage('zh');
    expect(t('top.train')).toBe('训练');
    expect(t('views.errorHeatmap', { name: 'layers.0.W' })).toBe(zh['views.errorHeatmap'].replace('{name}', 'layers.0.W'));
    expect(document.documentElement.lang).toBe('zh-CN');
    applyLanguage('en');
    expect(t('top.train')).toBe('Train');
    expect(locale.language).toBe('en');
  });

  it('maps OS language tags: any zh-* to zh, everything else to en', () => {
    expect(languageOf('zh-CN')).toBe('zh');
    expect(languageOf('zh-Hans-SG')).toBe('zh');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
