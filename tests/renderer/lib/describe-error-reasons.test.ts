/** describeError words each dataset-import reason and invalid-arguments from the catalogs; the 中文 text keeps no English word of them. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { DATASET_IMPORT_REASONS } from '../../../src/shared/dataset-import-reasons';
import { MODEL_FILE_REASONS } from '../../../src/shared/model-file-reasons';
import { describeError } from '../../../src/renderer/src/lib/describe-error';
import { applyLanguage } from '../../../src/renderer/src/i18n/i18n.svelte';
import { en } from '../../../src/renderer/src/i18n/en';
import { zh } from '../../../src/renderer/src/i18n/zh';

afterEach(() => applyLanguage('en'));

/** Values for every parameter a reason may name: digits and symbols only, so any Latin word in 中文 came from the catalog. */
const PARAMS = {
  file: '数据.csv',
  candidates: '"," → 2, ";" → 3',
  detail: 'ENOENT',
  size: '16',
  limit: '4',
  count: 2,
  magic: '0x00000901',
  expected: '0x00000803',
  bytes: 6,
  index: 7,
  last: 2,
  column: '种类',
  columns: '"甲", "乙"',
};

/** The English words (3+ letters) of a catalog template, its {params} left out. */
const wordsOf = (template: string): string[] => template.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
/** Format names that read the same in both languages. */
const NAMES = new Set(['idx']);

describe('describeError of a dataset import with a reason', () => {
  it.each(DATASET_IMPORT_REASONS)('%s: worded in both languages, no English word of it in 中文', (reason) => {
    const error = new AppError('dataset-import', 'english cli text', { ...PARAMS, reason, problems: [], totalProblems: 0 });
    const english = describeError(error);
    expect(english).not.toBe('english cli text');
    expect(english).toContain('数据.csv');
    applyLanguage('zh');
    const chinese = describeError(error);
    expect(chinese).toContain('数据.csv');
    const words = wordsOf(en[`errors.dataset-import.${reason}`]).filter((w) => !NAMES.has(w.toLowerCase()));
    for (const word of words) expect(chinese, `"${word}" in ${chinese}`).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
    expect(zh[`errors.dataset-import.${reason}`]).toBeDefined();
  });

  it('an ambiguous delimiter lists the candidates in 中文', () => {
    applyLanguage('zh');
    const error = new AppError('dataset-import', 'x', { file: 'w.csv', reason: 'ambiguous-delimiter', candidates: '"," → 2' });
    expect(describeError(error)).toBe('w.csv：无法确定分隔符（分隔符 → 列数："," → 2），请选择一个');
  });
});

describe('describeError of a model-file error with a reason', () => {
  it.each(MODEL_FILE_REASONS)('%s: English keeps the detail, 中文 words the reason without English', (reason) => {
    const problem = 'tensor "layers.0.W" is damaged';
    const error = new AppError('model-file', `m.safetensors: ${problem}`, { file: '模型.safetensors', problem, reason });
    expect(describeError(error)).toContain(problem);
    applyLanguage('zh');
    const chinese = describeError(error);
    expect(chinese).toContain('模型.safetensors');
    expect(chinese).not.toContain('damaged');
    for (const word of wordsOf(en[`errors.model-file.${reason}`])) {
      expect(chinese, `"${word}" in ${chinese}`).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
    }
  });
});

describe('describeError of invalid arguments', () => {
  const error = new AppError('invalid-arguments', 'runs.start: invalid config.epochs: Too big: expected number to be <=100000', {
    method: 'runs.start',
    path: 'config.epochs',
    issue: 'Too big: expected number to be <=100000',
  });

  it('names the method and the failing path, never zod’s English detail', () => {
    expect(describeError(error)).toBe('Invalid runs.start arguments: config.epochs');
    applyLanguage('zh');
    expect(describeError(error)).toBe('runs.start 的参数无效：config.epochs');
  });
});
