/** The names the app makes up ("column 3", "class 0", "trial 2") are shown in the current language; others as they are. */
import { afterEach, describe, expect, it } from 'vitest';
import { shownName } from '../../../src/renderer/src/lib/shown-name';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';

afterEach(() => applyLanguage('en'));

describe('shownName', () => {
  it('words made-up names in 中文 and keeps them in English', () => {
    expect(['column 3', 'class 0', 'trial 12'].map(shownName)).toEqual(['column 3', 'class 0', 'trial 12']);
    applyLanguage('zh');
    expect(['column 3', 'class 0', 'trial 12'].map((n) => shownName(n))).toEqual(['第 3 列', '类别 0', '试验 12']);
  });

  it("words the experiments' layers, series and cases", () => {
    applyLanguage('zh');
    expect(['layer 2', 'test accuracy', 'sigmoid, std 0.01', 'std 1.0e-2, no BN'].map((n) => shownName(n))).toEqual([
      '第 2 层',
      '测试准确率',
      'sigmoid, 标准差 0.01',
      '标准差 1.0e-2, 无 BN',
    ]);
    applyLanguage('en');
    expect(shownName('std 1.0e-2, no BN')).toBe('std 1.0e-2, no BN');
  });

  it("leaves a user's own names alone, even when they look alike", () => {
    applyLanguage('zh');
    for (const name of ['sepal_width', 'column', 'class 0b', 'my column 3', 'x1']) expect(shownName(name)).toBe(name);
  });
});
