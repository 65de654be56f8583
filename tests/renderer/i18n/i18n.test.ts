/** The message files and the t() mechanism: every English key has a Chinese text with the same parameters. */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';
import { applyLanguage, format, languageOf, locale, t } from '../../../src/renderer/src/i18n/i18n.svelte';

const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it('zh has every key of en and no other', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every zh text uses exactly the parameters of its en text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(params(zh[key]), key).toEqual(params(en[key]));
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
