/** Split a typed expression into numbers, names and symbols, each with its position; other characters are a positioned GraphError. */
import { GraphError } from './graph-error';

export type Token =
  { kind: 'num'; value: number; text: string; pos: number } | { kind: 'name' | 'sym'; text: string; pos: number };

/** Longest expression accepted (a graph drawn on one screen). */
export const MAX_EXPRESSION_LENGTH = 500;

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Symbols, with the typographic forms a pasted formula may carry mapped to their ASCII meaning. */
const SYMBOLS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '·': '*',
  '/': '/',
  '÷': '/',
  '^': '^',
  '(': '(',
  ')': ')',
  ',': ',',
};

/** Split `text` into tokens; a character that is no part of an expression is a GraphError('bad-character'). */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new GraphError(
      'too-long',
      { length: text.length, max: MAX_EXPRESSION_LENGTH, position: MAX_EXPRESSION_LENGTH, column: MAX_EXPRESSION_LENGTH + 1 },
      `the expression has ${text.length} characters; at most ${MAX_EXPRESSION_LENGTH} are accepted`,
    );
  }
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    const name = NAME.exec(rest);
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[0]), text: number[0], pos });
      pos += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', text: name[0], pos });
      pos += name[0].length;
    } else if (rest.startsWith('**')) {
      tokens.push({ kind: 'sym', text: '^', pos });
      pos += 2;
    } else if (SYMBOLS[rest[0]] !== undefined) {
      tokens.push({ kind: 'sym', text: SYMBOLS[rest[0]], pos });
      pos += 1;
    } else {
      const char = String.fromCodePoint(rest.codePointAt(0) ?? 0);
      throw new GraphError(
        'bad-character',
        { char, position: pos, column: pos + 1 },
        `unexpected character "${char}" at column ${pos + 1}`,
      );
    }
  }
  return tokens;
}
