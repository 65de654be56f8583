/** describeError words an AppError from the catalogs (English and 中文) with its params, and falls back to the English message. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { describeError } from '../../../src/renderer/src/lib/describe-error';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';
import { ERROR_CODES } from '../../../src/shared/errors';

afterEach(() => applyLanguage('en'));

describe('describeError', () => {
  const error = new AppError('model-file', 'm.safetensors: tensor "layers.0.W" is missing', {
    file: 'm.safetensors',
    problem: 'tensor "layers.0.W" is missing',
  });

  it('words a model file error in English and in Chinese with its params', () => {
    expect(describeError(error)).toBe('Cannot use the model file m.safetensors: tensor "layers.0.W" is missing');
    applyLanguage('zh');
    expect(describeError(error)).toBe('无法使用模型文件 m.safetensors：tensor "layers.0.W" is missing');
  });

  it('falls back to the English message for an unknown code or missing params', () => {
    const unknown = AppError.fromWire({ code: 'no-such-code' as never, message: 'raw English', params: {} });
    expect(unknown.code).toBe('failed');
    expect(describeError(unknown)).toBe('raw English');
    expect(describeError(new AppError('model-file', 'plain', {}))).toBe('plain');
    expect(describeError(new Error('not an AppError'))).toBe('not an AppError');
  });

  it('has an errors.<code> message for every code in both catalogs', () => {
    for (const code of ERROR_CODES) {
      expect(en).toHaveProperty([`errors.${code}`]);
      expect(zh).toHaveProperty([`errors.${code}`]);
    }
  });
});

describe('describeError of a dataset import with problems', () => {
  const error = new AppError('dataset-import', 'bad.csv: 2 problems found — line 4, column "b": "x" (not a number)', {
    file: 'bad.csv',
    summary: '2 problems found',
    problems: [{ line: 4, column: 'b', value: 'x', reason: 'not a number', expected: 'a number' }],
    totalProblems: 2,
  });

  it('words it by the problems count and first line (the wizard lists the problems), with no English left in 中文', () => {
    expect(describeError(error)).toMatch(/^bad\.csv: 2 problem\(s\), the first on line 4; import stopped/);
    applyLanguage('zh');
    expect(describeError(error)).toMatch(/^bad\.csv：发现 2 个问题，第一个在第 4 行；导入已停止/);
    expect(describeError(error)).not.toMatch(/not a number|problems found/);
  });
});
