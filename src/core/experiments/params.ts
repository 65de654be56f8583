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

/** A parameter that is unknown (`def` null) or whose value breaks its definition: thrown by resolveParams. */
export class ExperimentParamError extends Error {
  override name = 'ExperimentParamError';

  constructor(
    message: string,
    readonly experiment: string,
    readonly key: string,
    readonly value: number,
    readonly def: ParamDef | null,
    readonly known: readonly string[],
  ) {
    super(message);
  }
}

/**
 * The defaults of `defs` overridden by `given`; throws naming the parameter when a key is unknown or a value
 * is not finite, outside [min, max] or not an integer where one is required.
 */
export function resolveParams(experiment: string, defs: readonly ParamDef[], given: ExperimentParams = {}): ExperimentParams {
  const out: ExperimentParams = {};
  for (const d of defs) out[d.key] = d.default;
  for (const [key, value] of Object.entries(given)) {
    const def = defs.find((d) => d.key === key);
    const known = defs.map((d) => d.key);
    if (!def)
      throw new ExperimentParamError(
        `${experiment}: unknown parameter "${key}"; expected one of ${known.join(', ')}`,
        experiment,
        key,
        value,
        null,
        known,
      );
    if (!Number.isFinite(value) || value < def.min || value > def.max || (def.integer && !Number.isInteger(value))) {
      throw new ExperimentParamError(
        `${experiment}: parameter ${key} is ${value}, expected ${def.integer ? 'an integer' : 'a number'} in [${def.min}, ${def.max}]`,
        experiment,
        key,
        value,
        def,
        known,
      );
    }
    out[key] = value;
  }
  return out;
}
