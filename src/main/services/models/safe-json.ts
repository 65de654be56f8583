/** Parses untrusted JSON into null-prototype objects, rejecting prototype-polluting keys, repeated keys and absurd nesting. */
import { findDuplicateKey } from './json-duplicates';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/** Why a JSON text was refused, with a JSON path such as `$.layers[2].type`. */
export class UnsafeJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeJsonError';
  }
}

function harden(value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) throw new UnsafeJsonError(`JSON nests deeper than ${MAX_DEPTH} levels at ${path}`);
  if (Array.isArray(value)) return value.map((item, i) => harden(item, `${path}[${i}]`, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError(`key "${key}" is not allowed (at ${path})`);
    out[key] = harden((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
  }
  return out;
}

/**
 * Parse JSON text; every object in the result has a null prototype.
 * Throws UnsafeJsonError on a syntax error, a `__proto__` / `constructor` / `prototype` key, a key repeated in one
 * object (JSON.parse would keep the last silently), or nesting past 64 levels.
 */
export function parseJsonSafely(text: string, what: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UnsafeJsonError(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) throw new UnsafeJsonError(`${what}: key "${duplicate.key}" appears more than once (at ${duplicate.path})`);
  try {
    return harden(raw, '$', 0);
  } catch (err) {
    if (err instanceof UnsafeJsonError) throw new UnsafeJsonError(`${what}: ${err.message}`);
    throw err;
  }
}
