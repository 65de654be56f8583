/** Resolving an experiment's parameters: defaults filled in, every value checked against its definition. */
import type { ExperimentParams, ParamDef } from './experiment';

/** A ParamDef in one line. */
export const param = (key: string, value: number, min: number, max: number, integer = false): ParamDef => ({
  key,
  default: value,
  min,
  max,
  integer,
});

/**
 * The defaults of `defs` overridden by `given`; throws naming the parameter when a key is unknown or a value
 * is not finite, outside [min, max] or not an integer where one is required.
 */
export function resolveParams(experiment: string, defs: readonly ParamDef[], given: ExperimentParams = {}): ExperimentParams {
  const out: ExperimentParams = {};
  for (const d of defs) out[d.key] = d.default;
  for (const [key, value] of Object.entries(given)) {
    const def = defs.find((d) => d.key === key);
    if (!def) throw new Error(`${experiment}: unknown parameter "${key}"; expected one of ${defs.map((d) => d.key).join(', ')}`);
    if (!Number.isFinite(value) || value < def.min || value > def.max || (def.integer && !Number.isInteger(value))) {
      throw new Error(
        `${experiment}: parameter ${key} is ${value}, expected ${def.integer ? 'an integer' : 'a number'} in [${def.min}, ${def.max}]`,
      );
    }
    out[key] = value;
  }
  return out;
}
