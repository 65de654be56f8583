import { describe, expect, it } from 'vitest';
import { numberProblem, parseStrictNumber } from '../../../src/core/datasets/number';

describe('parseStrictNumber', () => {
  it.each([
    ['0', 0],
    ['255', 255],
    ['-1', -1],
    ['+2', 2],
    ['1.5', 1.5],
    ['2.', 2],
    ['.5', 0.5],
    ['-0.25', -0.25],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['6.02e+23', 6.02e23],
    ['123456789012', 123456789012],
  ])('reads %j as %d', (raw, value) => {
    expect(parseStrictNumber(raw)).toBe(value);
  });

  it.each([
    '',
    ' ',
    'abc',
    '12abc',
    '0x1A',
    '1,5',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '1.2.3',
    '--1',
    '.',
    'e5',
    '1e',
    '½',
  ])('rejects %j as NaN', (raw) => {
    expect(parseStrictNumber(raw)).toBeNaN();
  });
});

describe('numberProblem', () => {
  it('names an empty cell, NaN/Infinity and other text differently', () => {
    expect(numberProblem('')).toBe('empty cell');
    expect(numberProblem('NaN')).toBe('NaN or Infinity');
    expect(numberProblem('-inf')).toBe('NaN or Infinity');
    expect(numberProblem('1e999')).toBe('NaN or Infinity');
    expect(numberProblem('12abc')).toBe('not a number');
    expect(numberProblem('3.5')).toBeNull();
  });
});
