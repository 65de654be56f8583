/** Strict numeric command-line flags: a decimal number within bounds, or a UsageError naming the flag and what was expected. */
import { parseStrictNumber } from '../core/datasets/number';
import { UsageError } from './usage-error';

export interface NumberRule {
  integer?: boolean;
  /** Inclusive bounds; `above` is an exclusive lower bound (e.g. a learning rate > 0). */
  min?: number;
  max?: number;
  above?: number;
}

/** Parse `--name value` strictly; undefined when the flag is absent. */
export function numberFlag(name: string, raw: string | boolean | undefined, rule: NumberRule = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' ? parseStrictNumber(raw) : Number.NaN;
  const kind = rule.integer ? 'an integer' : 'a number';
  const bounds = [
    rule.above !== undefined ? `> ${rule.above}` : null,
    rule.min !== undefined ? `≥ ${rule.min}` : null,
    rule.max !== undefined ? `≤ ${rule.max}` : null,
  ].filter((b): b is string => b !== null);
  const expected = `${kind}${bounds.length > 0 ? ` ${bounds.join(' and ')}` : ''}`;
  const bad =
    Number.isNaN(value) ||
    (rule.integer === true && !Number.isInteger(value)) ||
    (rule.min !== undefined && value < rule.min) ||
    (rule.max !== undefined && value > rule.max) ||
    (rule.above !== undefined && value <= rule.above);
  if (bad) throw new UsageError(`--${name}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return value;
}

/** Parse a comma-separated list of integers (e.g. `--hidden 50,20`). */
export function integerListFlag(name: string, raw: string, rule: NumberRule): number[] {
  const parts = raw.split(',');
  if (parts.some((p) => p.trim() === ''))
    throw new UsageError(`--${name}: expected a comma-separated list of integers, got ${JSON.stringify(raw)}`);
  return parts.map((p) => numberFlag(name, p.trim(), { ...rule, integer: true }) as number);
}

/** Check an enumerated flag's value. */
export function choiceFlag<T extends string>(
  name: string,
  raw: string | boolean | undefined,
  choices: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${name}: expected one of ${choices.join(' | ')}, got ${JSON.stringify(raw)}`);
}
