/** Every number the page can send is bounded above: a walk over every method's argument schema, and 2^40 tried on each size option. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API } from '../../../src/shared/api';
import { METHOD_NAMES } from '../../../src/shared/names';

/** Paths of numbers in `schema` that accept 2^40 (finite integers that large are sizes nobody should ask for). */
function unboundedNumbers(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const walk = (inner: z.ZodType, at: string) => unboundedNumbers(inner, at, seen);
  if (schema instanceof z.ZodNumber) return schema.safeParse(2 ** 40).success ? [path] : [];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => walk(v, `${path}.${k}`));
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return walk(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodArray) return walk(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => walk(o, path));
  if (schema instanceof z.ZodTuple) return (schema.def.items as z.ZodType[]).flatMap((o, i) => walk(o, `${path}[${i}]`));
  if (schema instanceof z.ZodRecord) return walk(schema.valueType as z.ZodType, `${path}{}`);
  if (schema instanceof z.ZodPipe) return walk(schema.in as z.ZodType, path);
  return [];
}

/** Numbers that are values, not sizes: any finite number is meaningful (nothing is allocated from them). */
const VALUES = [
  /\.init\.std$/,
  /\.schedule\.minLearningRate$/,
  /\.weightDecay$/,
  // Step sizes and factors, not sizes: a huge one diverges the run (reported as non-finite), it allocates nothing.
  /\.learningRate$/,
  /\.schedule\.gamma$/,
  // BatchNormalization's ε in sqrt(σ² + ε): any positive value is arithmetic, not an allocation.
  /\.layers\[\]\.epsilon$/,
  /^models\.predictRows\.rows\[\]\[\]$/,
  /^workspace\.save\.settings\{\}$/,
];

describe('size options have upper bounds', () => {
  it('no method accepts 2^40 in any numeric field that sizes something', () => {
    const found = METHOD_NAMES.flatMap((m) => unboundedNumbers(API[m].args as z.ZodType, m)).filter(
      (p) => !VALUES.some((v) => v.test(p)),
    );
    expect(found).toEqual([]);
  });

  it.each(['maxFileBytes', 'maxFieldBytes', 'maxRows', 'memoryBudgetBytes'])('datasets.import refuses %s = 2^40', (key) => {
    const parsed = API['datasets.import'].args.safeParse({
      fileId: 'f1',
      options: { header: 'auto', skipLines: 0, textFeatures: 'one-hot', dropInvalid: false, [key]: 2 ** 40 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['options', key] });
  });
});
